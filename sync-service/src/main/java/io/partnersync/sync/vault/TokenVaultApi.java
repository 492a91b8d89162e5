package io.partnersync.sync.vault;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;

/** token-vault-service's internal API: the one call sync-service may make. */
@RegisterRestClient(configKey = "token-vault")
@RegisterClientHeaders(ServiceJwtHeaders.class)
@Path("/internal/tokens")
public interface TokenVaultApi {

    @GET
    @Path("/{tokenRef}/secret")
    TokenSecret secret(@RestPath String tokenRef);

    /** The answer; its token never reaches a log line. */
    record TokenSecret(String tokenRef, String token) {

        @Override
        public String toString() {
            return "TokenSecret[" + tokenRef + "]";
        }
    }
}
