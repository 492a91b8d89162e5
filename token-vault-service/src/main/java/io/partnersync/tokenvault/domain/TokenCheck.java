package io.partnersync.tokenvault.domain;

/** The checks a token must pass; the codes are part of the 422 contract. */
public enum TokenCheck {
    /** Meta reports the token invalid, expired or revoked. */
    TOKEN_INVALID,
    /** Issued for another Meta app. */
    WRONG_APP,
    /** Not a system user token (e.g. a person's USER token). */
    NOT_SYSTEM_USER,
    /** It expires (refused unless configured to warn). */
    TOKEN_EXPIRES,
    /** One or more required scopes are missing. */
    MISSING_SCOPES,
    /** It does not belong to the expected business. */
    WRONG_BUSINESS
}
