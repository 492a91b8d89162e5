package io.partnersync.partner.domain;

/** An integration is created ACTIVE once its token was validated and stored; no other status exists yet. */
public enum IntegrationStatus {
    ACTIVE
}
