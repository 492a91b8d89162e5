package io.partnersync.partner.tokenvault;

/** token-vault-service answered something the contract does not foresee for a valid call (a bug or a misconfiguration). */
public class TokenVaultFailure extends RuntimeException {

    public TokenVaultFailure(String message) {
        super(message);
    }
}
