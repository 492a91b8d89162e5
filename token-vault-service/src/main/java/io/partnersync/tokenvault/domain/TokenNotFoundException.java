package io.partnersync.tokenvault.domain;

/** No such token reference, or (for a secret read) its secret no longer exists. */
public class TokenNotFoundException extends RuntimeException {

    public TokenNotFoundException(String detail) {
        super(detail, null, false, false);
    }
}
