package io.partnersync.events.outbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.partnersync.events.EventType;
import io.partnersync.events.PartnersyncEvent;

/**
 * Writes events in the caller's transaction: the event exists if and only if the state
 * change that produced it committed. {@link OutboxRelay} publishes it afterwards.
 * <p>
 * Per-key order is the order of the writes. Write the event after the state change that
 * locks its aggregate's row, so two transactions on one aggregate cannot interleave.
 */
@ApplicationScoped
public class Outbox {

    static final String TRACEPARENT = "traceparent";

    private final ObjectMapper json;
    private final OutboxConfig config;
    private final Event<OutboxEventsWritten> written;

    Outbox(ObjectMapper json, OutboxConfig config, Event<OutboxEventsWritten> written) {
        this.json = json;
        this.config = config;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(PartnersyncEvent event) {
        EventType type = EventType.of(event);
        OutboxEvent row = new OutboxEvent();
        row.id = event.eventId();
        row.topic = type.topic();
        row.recordKey = event.key();
        row.eventType = type.cloudEventType();
        row.source = config.source();
        row.subject = event.subject();
        row.workspaceId = event.workspaceId();
        row.payload = toJson(event);
        row.traceParent = currentTraceParent();
        row.createdAt = Instant.now();
        row.persist();
        written.fire(OutboxEventsWritten.INSTANCE);
    }

    /**
     * The relay publishes long after the writing request ended, on its own thread: the trace
     * context must travel with the row. Null when tracing is off.
     */
    private static String currentTraceParent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    private String toJson(PartnersyncEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }
}
