package io.partnersync.partner.tokenvault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.partnersync.partner.config.TokenVaultConfig;
import io.smallrye.jwt.build.Jwt;

/**
 * Every call to token-vault-service carries a service JWT whose subject and key id are this
 * service's name, signed with its own key ({@code smallrye.jwt.sign.key}). The frontend
 * user's bearer token is never passed on.
 */
@ApplicationScoped
public class ServiceJwtHeaders implements ClientHeadersFactory {

    private final String serviceName;
    private final TokenVaultConfig config;

    ServiceJwtHeaders(@ConfigProperty(name = "quarkus.application.name") String serviceName, TokenVaultConfig config) {
        this.serviceName = serviceName;
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        String jwt = Jwt.subject(serviceName)
                .expiresIn(config.serviceTokenLifetime())
                .jws().keyId(serviceName)
                .sign();
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + jwt);
        return headers;
    }
}
