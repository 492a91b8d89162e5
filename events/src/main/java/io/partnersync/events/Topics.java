package io.partnersync.events;

/** One Kafka topic per event type; channel names equal topic names. */
public final class Topics {

    public static final String INTEGRATION_CONNECTED = "integration-connected";
    public static final String PARTNER_CONNECTED = "partner-connected";
    public static final String PARTNER_DISCONNECTED = "partner-disconnected";
    public static final String TOKEN_REVOKED = "token-revoked";
    public static final String SYNC_REQUESTED = "sync-requested";
    public static final String PARTNERS_DISCOVERED = "partners-discovered";
    public static final String GUEST_USERS_IMPORTED = "guest-users-imported";
    public static final String PARTNER_SYNC_FAILED = "partner-sync-failed";
    public static final String GUEST_USERS_APPLIED = "guest-users-applied";

    /** Poison messages of a topic go to {@code <topic>-dlq} with the reason in headers. */
    public static String deadLetterTopicOf(String topic) {
        return topic + "-dlq";
    }

    private Topics() {
    }
}
