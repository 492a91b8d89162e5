package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.partnersync.tokenvault.config.TokenValidationConfig.ExpiringTokens;
import io.partnersync.tokenvault.meta.GraphApi.DebugTokenData;

/**
 * The rules a token must satisfy, applied to what debug_token reported. Pure: every failed
 * check is collected, so a person fixes everything in one go.
 */
public final class TokenChecks {

    public static final String SYSTEM_USER = "SYSTEM_USER";

    private TokenChecks() {
    }

    /** What the token must be. */
    public record Expectations(String appId, List<String> requiredScopes, ExpiringTokens expiringTokens) {
    }

    /** The checks' outcome: failures refuse the token, warnings travel with it. */
    public record Outcome(List<CheckFailure> failures, List<String> warnings) {

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public static Outcome inspect(DebugTokenData token, Expectations expected) {
        List<CheckFailure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!token.valid()) {
            failures.add(new CheckFailure(TokenCheck.TOKEN_INVALID, invalidMessage(token)));
            if (token.appId() == null) {
                // Meta knows nothing about it (e.g. a truncated paste): the other checks would only add noise.
                return new Outcome(failures, warnings);
            }
        }
        if (!expected.appId().equals(token.appId())) {
            failures.add(new CheckFailure(TokenCheck.WRONG_APP,
                    "token was issued for app " + token.appId() + ", not our app " + expected.appId()
                            + "; create it for app " + expected.appId()));
        }
        if (!SYSTEM_USER.equals(token.type())) {
            failures.add(new CheckFailure(TokenCheck.NOT_SYSTEM_USER,
                    "token is a " + token.type() + " token, not a system user token; create it for a system user"
                            + " in Business Settings > Users > System users"));
        }
        if (token.expiresAt() != null && token.expiresAt() != 0) {
            Instant expiry = Instant.ofEpochSecond(token.expiresAt());
            if (expected.expiringTokens() == ExpiringTokens.REFUSE) {
                failures.add(new CheckFailure(TokenCheck.TOKEN_EXPIRES,
                        "token expires at " + expiry + "; create a token that never expires"));
            } else {
                warnings.add("token expires at " + expiry + "; replace it with one that never expires before then");
            }
        }
        List<String> granted = token.scopes() == null ? List.of() : token.scopes();
        List<String> missing = expected.requiredScopes().stream().filter(scope -> !granted.contains(scope)).toList();
        if (!missing.isEmpty()) {
            failures.add(new CheckFailure(TokenCheck.MISSING_SCOPES,
                    "token is missing scopes: " + String.join(", ", missing)));
        }
        return new Outcome(failures, warnings);
    }

    /** A token of other businesses than the expected one: names both sides. */
    public static CheckFailure belongsToAnotherBusiness(Map<String, String> actualBusinesses, String expectedId,
            String expectedName) {
        String actual = actualBusinesses.entrySet().stream()
                .map(business -> named(business.getKey(), business.getValue()))
                .collect(Collectors.joining(", "));
        return new CheckFailure(TokenCheck.WRONG_BUSINESS, "token belongs to business" + (actualBusinesses.size() > 1 ? "es " : " ")
                + actual + ", not " + named(expectedId, expectedName));
    }

    public static CheckFailure notASystemUserOf(String systemUserId, String systemUserName, String businessId,
            String businessName) {
        return new CheckFailure(TokenCheck.WRONG_BUSINESS, "token's system user " + named(systemUserId, systemUserName)
                + " is not a system user of business " + named(businessId, businessName));
    }

    public static CheckFailure cannotConfirmBusiness(String businessId, String businessName, String graphMessage) {
        return new CheckFailure(TokenCheck.WRONG_BUSINESS, "token cannot read the system users of business "
                + named(businessId, businessName) + " (Meta: " + graphMessage + "); it must be a token of a system"
                + " user of that business with admin access");
    }

    /** Meta refused the token on a later call although debug_token accepted it. */
    public static CheckFailure invalidOnUse(String graphMessage) {
        return new CheckFailure(TokenCheck.TOKEN_INVALID, "token was refused by Meta: " + graphMessage);
    }

    private static String named(String id, String name) {
        return name == null ? id : id + " (" + name + ")";
    }

    private static String invalidMessage(DebugTokenData token) {
        var error = token.error();
        if (error == null) {
            return "token is not valid according to Meta; ask for a new token";
        }
        String code = "error " + error.code() + (error.subcode() == null ? "" : "/" + error.subcode());
        if (Integer.valueOf(463).equals(error.subcode()) && token.expiresAt() != null && token.expiresAt() > 0) {
            return "token expired at " + Instant.ofEpochSecond(token.expiresAt()) + " (Meta " + code
                    + "); ask for a new token that never expires";
        }
        if (Integer.valueOf(460).equals(error.subcode())) {
            return "token was revoked or its system user was removed (Meta " + code + "); ask for a new token";
        }
        return "token is not valid: " + error.message() + " (Meta " + code + "); check that the whole token was"
                + " pasted, or ask for a new one";
    }
}
