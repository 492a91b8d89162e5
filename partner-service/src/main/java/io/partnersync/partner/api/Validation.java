package io.partnersync.partner.api;

import io.partnersync.partner.domain.PartnerStatus;

/** Patterns and messages of the API's Bean Validation constraints (annotation values must be constants). */
final class Validation {

    static final String BUSINESS_ID = "[0-9]{1,20}";
    static final String BUSINESS_ID_MESSAGE = "must be a Meta business id: 1 to 20 digits";
    /** Meta tokens are URL-safe: a token with a blank inside was pasted wrongly. */
    static final String TOKEN = "\\S+";
    static final String TOKEN_MESSAGE = "must not contain whitespace";
    static final String STATUS = PartnerStatus.NAMES;
    static final String STATUS_MESSAGE = "must be one of PENDING_ONBOARDING, ONBOARDED, RECONNECT_REQUIRED, DISCONNECTED, ACCESS_REMOVED";
    static final String SORT = "name|status";
    static final String SORT_MESSAGE = "must be name or status";
    static final String ORDER = "asc|desc";
    static final String ORDER_MESSAGE = "must be asc or desc";
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    private Validation() {
    }
}
