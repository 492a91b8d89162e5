package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An access token the simulator accepts. {@code userId} is the system user it acts as (for a USER
 * token, the business user). {@code expiresAt} and {@code issuedAt} are unix seconds, 0 for never.
 * {@code valid=false} means revoked: Graph answers 190 subcode 460.
 */
public record Token(
        String value,
        String type,
        String appId,
        String businessId,
        String userId,
        List<String> scopes,
        long expiresAt,
        long issuedAt,
        boolean valid) {

    public static final String SYSTEM_USER = "SYSTEM_USER";

    public Token {
        requireNonNull(value, "token.value");
        requireNonNull(type, "token.type");
        requireNonNull(appId, "token.appId");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public Token revoked() {
        return new Token(value, type, appId, businessId, userId, scopes, expiresAt, issuedAt, false);
    }

    /** The last 4 characters, prefixed: the only form of a token the simulator shows or logs. */
    public static String fingerprint(String tokenValue) {
        if (tokenValue == null) {
            return "none";
        }
        return "****" + tokenValue.substring(Math.max(0, tokenValue.length() - 4));
    }

    /** Never the token itself: records print every component, and tokens must not reach logs. */
    @Override
    public String toString() {
        return "Token[" + fingerprint(value) + ", type=" + type + ", businessId=" + businessId + ", valid=" + valid + "]";
    }
}
