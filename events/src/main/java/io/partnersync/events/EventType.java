package io.partnersync.events;

import java.util.Arrays;
import java.util.List;

/**
 * The type of an event on the wire: its topic, its CloudEvents type and its JSON Schema.
 * Changes to an event are additive; a breaking change is a new type with {@code .v2}.
 */
public enum EventType {
    INTEGRATION_CONNECTED(IntegrationConnected.class, Topics.INTEGRATION_CONNECTED),
    PARTNER_CONNECTED(PartnerConnected.class, Topics.PARTNER_CONNECTED),
    PARTNER_DISCONNECTED(PartnerDisconnected.class, Topics.PARTNER_DISCONNECTED),
    TOKEN_REVOKED(TokenRevoked.class, Topics.TOKEN_REVOKED),
    SYNC_REQUESTED(SyncRequested.class, Topics.SYNC_REQUESTED),
    PARTNERS_DISCOVERED(PartnersDiscovered.class, Topics.PARTNERS_DISCOVERED),
    GUEST_USERS_IMPORTED(GuestUsersImported.class, Topics.GUEST_USERS_IMPORTED),
    PARTNER_SYNC_FAILED(PartnerSyncFailed.class, Topics.PARTNER_SYNC_FAILED),
    GUEST_USERS_APPLIED(GuestUsersApplied.class, Topics.GUEST_USERS_APPLIED);

    private final Class<? extends PartnersyncEvent> recordClass;
    private final String topic;

    EventType(Class<? extends PartnersyncEvent> recordClass, String topic) {
        this.recordClass = recordClass;
        this.topic = topic;
    }

    public static EventType of(PartnersyncEvent event) {
        for (EventType type : values()) {
            if (type.recordClass == event.getClass()) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a partnersync event: " + event.getClass().getName());
    }

    public Class<? extends PartnersyncEvent> recordClass() {
        return recordClass;
    }

    public String topic() {
        return topic;
    }

    /** CloudEvents {@code ce_type}, e.g. {@code partnersync.partner-connected.v1}. */
    public String cloudEventType() {
        return "partnersync." + topic + ".v1";
    }

    /** Classpath location of the JSON Schema of the payload. */
    public String schemaResource() {
        return "schemas/" + topic + ".v1.schema.json";
    }

    public static List<String> topics() {
        return Arrays.stream(values()).map(EventType::topic).toList();
    }
}
