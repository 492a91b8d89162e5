package io.partnersync.tokenvault.meta;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The part of Meta's Graph API token-vault-service calls. Tokens of the caller travel in the
 * {@code Authorization} header, never in a URL; only debug_token takes the inspected token
 * and the app token as query parameters, as Graph requires. {@link MetaGraph} is the only user.
 */
@RegisterRestClient(configKey = "meta-graph")
@Produces(MediaType.APPLICATION_JSON)
public interface GraphApi {

    @GET
    @Path("/{version}/debug_token")
    DebugTokenResponse debugToken(@PathParam("version") String version,
            @QueryParam("input_token") String inputToken,
            @QueryParam("access_token") String appToken,
            @QueryParam("appsecret_proof") String appsecretProof);

    @GET
    @Path("/{version}/me")
    GraphNode me(@PathParam("version") String version,
            @HeaderParam("Authorization") String authorization,
            @QueryParam("fields") String fields,
            @QueryParam("appsecret_proof") String appsecretProof);

    @GET
    @Path("/{version}/me/businesses")
    GraphListing myBusinesses(@PathParam("version") String version,
            @HeaderParam("Authorization") String authorization,
            @QueryParam("fields") String fields,
            @QueryParam("limit") int limit,
            @QueryParam("after") String after,
            @QueryParam("appsecret_proof") String appsecretProof);

    @GET
    @Path("/{version}/{business}")
    GraphNode business(@PathParam("version") String version,
            @PathParam("business") String businessId,
            @HeaderParam("Authorization") String authorization,
            @QueryParam("fields") String fields,
            @QueryParam("appsecret_proof") String appsecretProof);

    @GET
    @Path("/{version}/{business}/system_users")
    GraphListing systemUsers(@PathParam("version") String version,
            @PathParam("business") String businessId,
            @HeaderParam("Authorization") String authorization,
            @QueryParam("fields") String fields,
            @QueryParam("limit") int limit,
            @QueryParam("after") String after,
            @QueryParam("appsecret_proof") String appsecretProof);

    /** Graph answers errors as {@code {"error":{...}}}; throttling hints come in usage headers. */
    @ClientExceptionMapper
    static GraphCallFailed toException(Response response) {
        JsonNode body = null;
        try {
            body = response.hasEntity() ? response.readEntity(JsonNode.class) : null;
        } catch (RuntimeException notJson) {
            // A proxy's HTML error page: only the status says something.
        }
        return GraphCallFailed.of(response.getStatus(), body,
                response.getHeaderString(GraphCallFailed.BUSINESS_USAGE_HEADER));
    }

    record DebugTokenResponse(DebugTokenData data) {
    }

    record DebugTokenData(
            @JsonProperty("app_id") String appId,
            String type,
            String application,
            @JsonProperty("expires_at") Long expiresAt,
            @JsonProperty("is_valid") boolean valid,
            List<String> scopes,
            @JsonProperty("granular_scopes") List<GranularScope> granularScopes,
            @JsonProperty("user_id") String userId,
            DebugTokenError error) {
    }

    record GranularScope(String scope, @JsonProperty("target_ids") List<String> targetIds) {
    }

    record DebugTokenError(Integer code, Integer subcode, String message) {
    }

    record GraphNode(String id, String name) {
    }

    record GraphListing(List<GraphNode> data, Paging paging) {

        /** Graph's rule: the listing goes on exactly while {@code next} is present. */
        String nextCursor() {
            return paging == null || paging.next() == null || paging.cursors() == null ? null : paging.cursors().after();
        }
    }

    record Paging(Cursors cursors, String next) {
    }

    record Cursors(String before, String after) {
    }
}
