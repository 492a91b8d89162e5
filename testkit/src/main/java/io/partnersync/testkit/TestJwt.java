package io.partnersync.testkit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints bearer tokens for tests, signed with a key pair made once per test JVM (no key is
 * committed). {@link RealInfrastructure} configures services to trust it.
 */
public final class TestJwt {

    public static final String ISSUER = "https://partnersync.test/issuer";
    public static final String ADMIN = "workspace-admin";
    public static final String VIEWER = "workspace-viewer";

    private static final KeyPair KEYS = generate();

    private TestJwt() {
    }

    /** A frontend user of a workspace with the given groups. */
    public static String user(String workspaceId, String userName, String... groups) {
        return Jwt.issuer(ISSUER)
                .subject(userName)
                .upn(userName)
                .claim("workspace_id", workspaceId)
                .groups(Set.of(groups))
                .expiresIn(Duration.ofHours(1))
                .sign(KEYS.getPrivate());
    }

    public static String admin(String workspaceId) {
        return user(workspaceId, "admin@" + workspaceId, ADMIN);
    }

    public static String viewer(String workspaceId) {
        return user(workspaceId, "viewer@" + workspaceId, VIEWER);
    }

    /**
     * A service identity for internal calls, e.g. {@code partner-service}: subject and key id
     * are the service name, as services sign their own calls.
     */
    public static String service(String serviceName) {
        return Jwt.issuer(ISSUER)
                .subject(serviceName)
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(serviceName)
                .sign(KEYS.getPrivate());
    }

    /** A token signed by a key the services do not trust. */
    public static String forged(String workspaceId) {
        return Jwt.issuer(ISSUER)
                .subject("mallory")
                .claim("workspace_id", workspaceId)
                .groups(Set.of(ADMIN))
                .sign(generate().getPrivate());
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** PKCS#8, for services under test that sign their own internal calls. */
    public static String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
