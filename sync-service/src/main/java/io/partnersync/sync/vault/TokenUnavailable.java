package io.partnersync.sync.vault;

/** A token could not be read from token-vault-service: unknown, destroyed, refused or unreachable. */
public class TokenUnavailable extends RuntimeException {

    public TokenUnavailable(String message) {
        super(message);
    }
}
