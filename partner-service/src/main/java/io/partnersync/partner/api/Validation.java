package io.partnersync.partner.api;

import io.partnersync.partner.domain.PartnerStatus;

/** Patterns and messages of the API's Bean Validation constraints (annotation values must be constants). */
final class Validation {

    static final String BUSINESS_ID = "[0-9]{1,20}";
    static final String BUSINESS_ID_MESSAGE = "must be a Meta business id: 1 to 20 digits";
    /** Meta tokens are printable ASCII: a blank or anything else inside means it was pasted wrongly. */
    static final String TOKEN = "[\\x21-\\x7E]+";
    static final String TOKEN_MESSAGE = "must be a Meta access token: printable characters, no spaces";
    static final String STATUS = PartnerStatus.NAMES;
    static final String STATUS_MESSAGE = "must be one of PENDING_ONBOARDING, ONBOARDED, RECONNECT_REQUIRED, DISCONNECTED, ACCESS_REMOVED";
    static final String SORT = "name|status";
    static final String SORT_MESSAGE = "must be name or status";
    static final String ORDER = "asc|desc";
    static final String ORDER_MESSAGE = "must be asc or desc";
    /** Paging parameters are read as text, so that "two" is a 400 like -1, not JAX-RS's 404 of an unconvertible parameter. */
    static final String NUMBER = "[0-9]{1,9}";
    static final String NUMBER_MESSAGE = "must be a whole number";
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    private Validation() {
    }
}
