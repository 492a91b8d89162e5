package io.partnersync.tokenvault.meta;

/**
 * Graph refused a call made with the inspected token: a fact about the token (invalid,
 * missing permission, object not visible), not an outage.
 */
public class GraphRefusal extends RuntimeException {

    private final Integer code;
    private final Integer subcode;
    private final boolean tokenInvalid;

    GraphRefusal(GraphCallFailed failure) {
        super(failure.graphMessage != null ? failure.graphMessage : failure.getMessage(), null, false, false);
        this.code = failure.code;
        this.subcode = failure.subcode;
        this.tokenInvalid = failure.tokenInvalid();
    }

    public Integer code() {
        return code;
    }

    public Integer subcode() {
        return subcode;
    }

    /** Graph says the token itself no longer works (190, 102). */
    public boolean tokenInvalid() {
        return tokenInvalid;
    }
}
