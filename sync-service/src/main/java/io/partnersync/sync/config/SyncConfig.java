package io.partnersync.sync.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.partnersync.events.GuestUsersImported;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How automation tasks run: workers, liveness, retries and the chunking of imported people. */
@ConfigMapping(prefix = "partnersync.sync")
public interface SyncConfig {

    /** People per {@code GuestUsersImported} event; the contract allows at most 500. */
    @WithDefault("500")
    @Min(1)
    @Max(GuestUsersImported.MAX_USERS_PER_CHUNK)
    int chunkSize();

    /** Tasks one replica runs at once; further claimed tasks wait in its queue (heartbeated). */
    @WithDefault("4")
    @Min(1)
    int workerPoolSize();

    /** How often a replica confirms it still runs the tasks it claimed. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** A task without a heartbeat for this long has lost its worker and is resumed. */
    @WithDefault("2m")
    Duration staleAfter();

    /** Attempts (first run plus resumptions) before a task whose workers keep dying is FAILED. */
    @WithDefault("3")
    @Min(1)
    int maxAttempts();

    /** How long a job may wait for user-directory-service's {@code GuestUsersApplied}. */
    @WithDefault("1h")
    Duration applyTimeout();

    /** How often each replica looks for stale tasks (read by {@code @Scheduled}). */
    @WithDefault("30s")
    Duration reaperInterval();

    Schedule schedule();

    interface Schedule {

        /** Quartz cron of the daily sync of every active integration; {@code off} disables it. */
        @WithDefault("0 0 3 * * ?")
        String cron();
    }
}
