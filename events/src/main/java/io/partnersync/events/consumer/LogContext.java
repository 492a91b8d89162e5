package io.partnersync.events.consumer;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.jboss.logging.MDC;

import io.partnersync.events.PartnersyncEvent;

/**
 * The ids a log line is about, in the logging MDC of the handling thread: the JSON logs of the
 * prod profile carry them as fields, so one query finds everything about one workspace,
 * integration, partner, task or job.
 */
public final class LogContext {

    private static final List<String> IDS = List.of("workspaceId", "integrationId", "partnerId", "taskId", "jobId");

    private LogContext() {
    }

    /** The event's id and every id it names; ids of an event handled before on this thread are dropped. */
    public static void of(PartnersyncEvent event) {
        clear();
        MDC.put("eventId", event.eventId().toString());
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (IDS.contains(component.getName())) {
                put(component.getName(), value(component, event));
            }
        }
    }

    /** One id; a null value removes it. */
    public static void put(String id, Object value) {
        if (value == null) {
            MDC.remove(id);
        } else {
            MDC.put(id, value.toString());
        }
    }

    public static void clear() {
        MDC.remove("eventId");
        IDS.forEach(MDC::remove);
    }

    private static Object value(RecordComponent component, PartnersyncEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + event.getClass(), e);
        }
    }
}
