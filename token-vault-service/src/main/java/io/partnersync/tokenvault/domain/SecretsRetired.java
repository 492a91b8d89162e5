package io.partnersync.tokenvault.domain;

/** Fired in the transaction that retired a token: once it commits, the owner's old secrets go. */
public record SecretsRetired(TokenOwner owner) {
}
