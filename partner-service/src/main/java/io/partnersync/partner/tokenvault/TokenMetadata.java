package io.partnersync.partner.tokenvault;

import io.partnersync.partner.domain.TokenFingerprint;

/**
 * The part of token-vault-service's {@code TokenMetadata} partner-service uses; the other
 * members (system user, scopes, expiry, warnings ...) are ignored.
 */
public record TokenMetadata(String tokenRef, String status, TokenFingerprint fingerprint) {
}
