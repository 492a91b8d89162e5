package io.partnersync.sync.meta;

import io.partnersync.events.GraphError;
import io.partnersync.events.SyncFailureReason;

/**
 * A Graph read that cannot succeed by trying again: the token is invalid (190, 102), a permission
 * is missing (10, 200-299), Meta stayed unavailable or throttled beyond the retry budget, or
 * another error. {@code error} is Meta's answer where there was one.
 */
public class GraphFailure extends RuntimeException {

    private final SyncFailureReason reason;
    private final transient GraphError error;

    GraphFailure(SyncFailureReason reason, GraphError error, String message) {
        super(message);
        this.reason = reason;
        this.error = error;
    }

    static GraphFailure of(GraphError error) {
        SyncFailureReason reason = GraphErrors.isTokenInvalid(error.code()) ? SyncFailureReason.TOKEN_INVALID
                : GraphErrors.isPermission(error.code()) ? SyncFailureReason.PERMISSION_DENIED
                : SyncFailureReason.META_ERROR;
        return new GraphFailure(reason, error, "Meta answered error " + error.code()
                + (error.subcode() == null ? "" : "/" + error.subcode()) + ": " + error.message());
    }

    static GraphFailure unavailable(String why, GraphError lastError) {
        return new GraphFailure(SyncFailureReason.META_UNAVAILABLE, lastError, why);
    }

    public SyncFailureReason reason() {
        return reason;
    }

    public GraphError error() {
        return error;
    }
}
