package io.partnersync.tokenvault.api;

/** The one answer that carries a token. */
public record TokenSecret(String tokenRef, String token) {

    @Override
    public String toString() {
        return "TokenSecret[" + tokenRef + "]";
    }
}
