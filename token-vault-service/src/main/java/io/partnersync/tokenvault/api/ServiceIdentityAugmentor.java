package io.partnersync.tokenvault.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Only services call token-vault-service. A caller is the service named by the JWT's subject,
 * and only when the JWT's key id names the same service: in production every service signs
 * with its own key (kid = service name), so a service cannot speak for another. Its one role
 * is its name; any groups a JWT carries (a frontend user's) are dropped.
 */
@ApplicationScoped
public class ServiceIdentityAugmentor implements SecurityIdentityAugmentor {

    /** The attribute holding the calling service's name. */
    public static final String SERVICE = "partnersync.service";

    private final ObjectMapper json;

    ServiceIdentityAugmentor(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder service = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        serviceName(jwt).ifPresent(name -> service.addRole(name).addAttribute(SERVICE, name));
        return Uni.createFrom().item(service.build());
    }

    private Optional<String> serviceName(JsonWebToken jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank() || jwt.getRawToken() == null) {
            return Optional.empty();
        }
        return keyId(jwt.getRawToken()).filter(subject::equals);
    }

    /** The JOSE header is not exposed by JsonWebToken: read it from the verified compact token. */
    private Optional<String> keyId(String rawToken) {
        int dot = rawToken.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            JsonNode header = json.readTree(new String(Base64.getUrlDecoder().decode(rawToken.substring(0, dot)),
                    StandardCharsets.UTF_8));
            return Optional.ofNullable(header.get("kid")).filter(JsonNode::isTextual).map(JsonNode::asText);
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }
}
