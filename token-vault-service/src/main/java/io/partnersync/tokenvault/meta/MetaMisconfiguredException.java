package io.partnersync.tokenvault.meta;

/**
 * Meta refused a call for a reason on our side (e.g. a wrong app secret for debug_token):
 * an operator has to fix the configuration; retrying does not help.
 */
public class MetaMisconfiguredException extends RuntimeException {

    public MetaMisconfiguredException(String message) {
        super(message, null, false, false);
    }
}
