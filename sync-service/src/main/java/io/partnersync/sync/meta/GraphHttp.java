package io.partnersync.sync.meta;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The Graph API over HTTP, untyped on purpose: {@link GraphClient} reads status, usage headers
 * and error bodies of every answer itself (the default error mapper is disabled). The token
 * travels in the Authorization header or the batch form, never in a URL.
 */
@RegisterRestClient(configKey = "meta-graph")
@Path("/{version}")
public interface GraphHttp {

    @GET
    @Path("/{node}")
    Response node(@RestPath String version, @RestPath String node,
            @RestQuery Map<String, String> query, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{node}/{edge}")
    Response edge(@RestPath String version, @RestPath String node, @RestPath String edge,
            @RestQuery Map<String, String> query, @HeaderParam("Authorization") String authorization);

    /** Up to 50 calls in one request; the answer is an array of {@code {code, headers, body}} in order. */
    @POST
    @Path("/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response batch(@RestPath String version, @FormParam("access_token") String accessToken,
            @FormParam("appsecret_proof") String appsecretProof, @FormParam("batch") String batch,
            @FormParam("include_headers") String includeHeaders);
}
