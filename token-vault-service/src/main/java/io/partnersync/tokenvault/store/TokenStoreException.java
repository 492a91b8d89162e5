package io.partnersync.tokenvault.store;

/** The token store failed (unreachable, refused us, or cannot decrypt). Never carries a token. */
public class TokenStoreException extends RuntimeException {

    public TokenStoreException(String message) {
        super(message, null, false, false);
    }
}
