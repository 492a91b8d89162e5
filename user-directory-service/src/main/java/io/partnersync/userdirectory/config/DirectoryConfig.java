package io.partnersync.userdirectory.config;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnersync.directory")
public interface DirectoryConfig {

    Safeguard safeguard();

    Risk risk();

    Export export();

    interface Safeguard {

        /**
         * A run that would remove more than this share of a partner's active people has its
         * removals held for an admin to confirm or discard.
         */
        @WithDefault("0.20")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double maxRemovalShare();
    }

    interface Risk {

        /** A pending invite older than this (by its invite time) is flagged STALE_PENDING_INVITE. */
        @WithDefault("30d")
        Duration staleInviteAge();
    }

    interface Export {

        /** Transaction timeout of one CSV export (the rows are streamed from one database cursor). */
        @WithDefault("10m")
        Duration timeout();
    }
}
