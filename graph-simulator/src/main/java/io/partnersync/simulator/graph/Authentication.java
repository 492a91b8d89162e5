package io.partnersync.simulator.graph;

import io.partnersync.simulator.data.App;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.state.GraphData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/** Who is calling: the access token, whether it still works, and its appsecret_proof. */
final class Authentication {

    private Authentication() {
    }

    static Token authenticate(GraphData data, GraphRequest request, Faults faults) {
        String value = request.accessToken();
        if (value == null) {
            throw GraphError.accessTokenRequired();
        }
        Integer injected = faults.tokenErrors().get(value);
        if (injected != null) {
            throw GraphError.injected(injected);
        }
        Token token = data.token(value).orElseThrow(GraphError::cannotParseToken);
        Optional<GraphError> invalid = invalidity(data, token);
        if (invalid.isPresent()) {
            throw invalid.get();
        }
        requireProofIfAppDemandsIt(data.app(), token, request.param("appsecret_proof"));
        return token;
    }

    /**
     * Why a known token no longer works: revoked, or its user was removed (Graph invalidates a
     * deleted system user's tokens), both subcode 460; or past its expiry, subcode 463.
     */
    static Optional<GraphError> invalidity(GraphData data, Token token) {
        if (!token.valid() || (token.userId() != null && data.person(token.userId()).isEmpty())) {
            return Optional.of(GraphError.tokenInvalidated());
        }
        Instant now = Instant.now();
        if (token.expiresAt() > 0 && token.expiresAt() <= now.getEpochSecond()) {
            return Optional.of(GraphError.tokenExpired(token.expiresAt(), now));
        }
        return Optional.empty();
    }

    /** Only tokens of the simulated app are subject to its "Require App Secret" setting. */
    private static void requireProofIfAppDemandsIt(App app, Token token, String proof) {
        if (!app.requiresAppsecretProof() || !app.id().equals(token.appId())) {
            return;
        }
        if (proof == null) {
            throw GraphError.appsecretProofMissing();
        }
        byte[] expected = AppsecretProof.of(app.secret(), token.value()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, proof.toLowerCase().getBytes(StandardCharsets.UTF_8))) {
            throw GraphError.appsecretProofInvalid();
        }
    }
}
