package io.partnersync.localsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The keys of a local system, made on first start and kept in its data directory: one pair
 * for the (stand-in) identity provider that signs frontend JWTs, and one pair per service
 * that calls token-vault-service, published to it as a JWKS with the service name as kid.
 */
final class Keys {

    static final String FRONTEND_ISSUER = "https://partnersync.local/issuer";
    static final String INTERNAL_ISSUER = "partnersync-internal";
    static final List<String> CALLING_SERVICES = List.of("partner-service", "sync-service");

    private final Path dir;
    private final KeyPair frontend;
    private final Map<String, KeyPair> services = new LinkedHashMap<>();

    private Keys(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir);
        frontend = loadOrCreate("frontend");
        for (String service : CALLING_SERVICES) {
            services.put(service, loadOrCreate(service));
        }
        writeServicesJwks();
    }

    static Keys in(Path dir) throws Exception {
        return new Keys(dir);
    }

    Path frontendPublicKey() {
        return dir.resolve("frontend.public.pem");
    }

    Path servicePrivateKey(String service) {
        return dir.resolve(service + ".private.pem");
    }

    /** What token-vault-service trusts: one key per calling service, kid = its name. */
    Path servicesJwks() {
        return dir.resolve("services.jwks.json");
    }

    /** Development keys only: the docker-compose containers run as uid 185, not as you. */
    void makeReadableByContainers() throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(file -> file.toFile().setReadable(true, false));
        }
    }

    /** A frontend bearer token as the identity provider would issue it. */
    String frontendToken(String workspaceId, String user, Set<String> groups, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(FRONTEND_ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setClaim("workspace_id", workspaceId);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toMinutes());
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(frontend.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a frontend token", e);
        }
    }

    private KeyPair loadOrCreate(String name) throws Exception {
        Path privateFile = dir.resolve(name + ".private.pem");
        Path publicFile = dir.resolve(name + ".public.pem");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(decodePem(privateFile)));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(decodePem(publicFile)));
            return new KeyPair(publicKey, privateKey);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
        writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
        return pair;
    }

    private void writeServicesJwks() throws IOException {
        List<Map<String, String>> keys = new ArrayList<>();
        services.forEach((service, pair) -> {
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            keys.add(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", service,
                    "n", url.encodeToString(unsigned(key.getModulus().toByteArray())),
                    "e", url.encodeToString(unsigned(key.getPublicExponent().toByteArray()))));
        });
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(servicesJwks().toFile(), Map.of("keys", keys));
    }

    private static byte[] unsigned(byte[] bigEndian) {
        return bigEndian.length > 1 && bigEndian[0] == 0
                ? java.util.Arrays.copyOfRange(bigEndian, 1, bigEndian.length)
                : bigEndian;
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
    }

    private static byte[] decodePem(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
