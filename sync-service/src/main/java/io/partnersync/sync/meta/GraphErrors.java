package io.partnersync.sync.meta;

/** Graph's error codes and what each asks of a client (reference/meta-graph-api.md, section 6). */
final class GraphErrors {

    static final int REDUCE_DATA = 1;
    static final int UNKNOWN_ERROR = 2;
    static final int TEMPORARILY_BLOCKED = 368;
    static final int INVALID_CURSOR = 2642;

    private GraphErrors() {
    }

    static boolean isThrottling(int code) {
        return code == 4 || code == 17 || code == 32 || code == 341 || code == 613
                || (code >= 80000 && code <= 80014);
    }

    static boolean isTokenInvalid(Integer code) {
        return code != null && (code == 190 || code == 102);
    }

    static boolean isPermission(Integer code) {
        return code != null && (code == 10 || (code >= 200 && code <= 299));
    }
}
