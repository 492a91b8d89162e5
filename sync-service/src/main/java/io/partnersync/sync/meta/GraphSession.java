package io.partnersync.sync.meta;

import java.time.Duration;

/**
 * Reading Graph with one token on behalf of one business: the token, its proof, whose call budget
 * it spends, and who wants to hear about the traffic. Holds the token in memory only, and never
 * shows it.
 */
public final class GraphSession {

    private final String token;
    private final String appsecretProof;
    private final String businessId;
    private final GraphCallListener listener;
    private Duration throttledSoFar = Duration.ZERO;

    GraphSession(String token, String appsecretProof, String businessId, GraphCallListener listener) {
        this.token = token;
        this.appsecretProof = appsecretProof;
        this.businessId = businessId;
        this.listener = listener;
    }

    String token() {
        return token;
    }

    String appsecretProof() {
        return appsecretProof;
    }

    String businessId() {
        return businessId;
    }

    GraphCallListener listener() {
        return listener;
    }

    Duration throttledSoFar() {
        return throttledSoFar;
    }

    void addThrottled(Duration wait) {
        throttledSoFar = throttledSoFar.plus(wait);
    }

    @Override
    public String toString() {
        return "GraphSession[business=" + businessId + "]";
    }
}
