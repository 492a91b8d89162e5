package io.partnersync.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.PartnerDisconnected;

class LogContextTest {

    @AfterEach
    void clear() {
        LogContext.clear();
    }

    @Test
    void anEventNamesItsOwnIdAndEveryIdItCarries() {
        GuestUsersImported chunk = new GuestUsersImported(UUID.randomUUID(), Instant.now(), "ws-acme", UUID.randomUUID(),
                UUID.randomUUID(), "2187465309128374", UUID.randomUUID(), UUID.randomUUID(), 0, true, List.of());

        LogContext.of(chunk);

        assertThat(MDC.get("eventId")).isEqualTo(chunk.eventId().toString());
        assertThat(MDC.get("workspaceId")).isEqualTo("ws-acme");
        assertThat(MDC.get("integrationId")).isEqualTo(chunk.integrationId().toString());
        assertThat(MDC.get("partnerId")).isEqualTo(chunk.partnerId().toString());
        assertThat(MDC.get("taskId")).isEqualTo(chunk.taskId().toString());
        assertThat(MDC.get("jobId")).isEqualTo(chunk.jobId().toString());
    }

    @Test
    void theNextEventOnTheThreadLeavesNoIdOfThePreviousOneBehind() {
        LogContext.of(new GuestUsersImported(UUID.randomUUID(), Instant.now(), "ws-acme", UUID.randomUUID(),
                UUID.randomUUID(), "2187465309128374", UUID.randomUUID(), UUID.randomUUID(), 0, true, List.of()));
        PartnerDisconnected disconnected = new PartnerDisconnected(UUID.randomUUID(), Instant.now(), "ws-other",
                UUID.randomUUID(), UUID.randomUUID(), "2187465309128374", "tok_1", "ada@acme.example", "no longer works for us");

        LogContext.of(disconnected);

        assertThat(MDC.get("workspaceId")).isEqualTo("ws-other");
        assertThat(MDC.get("partnerId")).isEqualTo(disconnected.partnerId().toString());
        assertThat(MDC.get("taskId")).isNull();
        assertThat(MDC.get("jobId")).isNull();
    }
}
