package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.List;

/** What Meta confirmed about a token that passed every check. */
public record ValidatedToken(
        Fingerprint fingerprint,
        String appId,
        String systemUserId,
        String systemUserName,
        String businessId,
        String businessName,
        List<String> scopes,
        Instant expiresAt,
        List<String> warnings,
        Instant validatedAt) {
}
