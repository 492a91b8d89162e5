package io.partnersync.partner.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What identifies a stored token to a person without revealing it: its last 4 characters and a SHA-256 prefix. */
@Embeddable
public record TokenFingerprint(
        @Column(name = "token_last4") String last4,
        @Column(name = "token_sha256_prefix") String sha256Prefix) {
}
