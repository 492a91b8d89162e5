package io.partnersync.sync.vault;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.smallrye.jwt.build.Jwt;

/**
 * Every call to token-vault-service carries a short-lived service JWT whose subject and key id
 * are this service's name, signed with its own key ({@code smallrye.jwt.sign.key(.location)},
 * issuer {@code smallrye.jwt.new-token.issuer}).
 */
@ApplicationScoped
public class ServiceJwtHeaders implements ClientHeadersFactory {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String serviceName;

    ServiceJwtHeaders(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        String jwt = Jwt.subject(serviceName).expiresIn(LIFETIME).jws().keyId(serviceName).sign();
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + jwt);
        return headers;
    }
}
