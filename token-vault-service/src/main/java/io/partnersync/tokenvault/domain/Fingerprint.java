package io.partnersync.tokenvault.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What may be shown of a token: its last 4 characters and the first 12 hex digits of its SHA-256. */
public record Fingerprint(String last4, String sha256Prefix) {

    public static Fingerprint of(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(token.substring(Math.max(0, token.length() - 4)),
                    HexFormat.of().formatHex(hash).substring(0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** For log lines: {@code ****b2d4 (sha256 3f2a...)}. */
    @Override
    public String toString() {
        return "****" + last4 + " (sha256 " + sha256Prefix + ")";
    }
}
