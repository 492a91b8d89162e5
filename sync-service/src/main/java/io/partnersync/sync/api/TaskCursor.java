package io.partnersync.sync.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.partnersync.problem.Problem;
import io.partnersync.problem.ProblemException;
import io.partnersync.sync.domain.SyncTask;

/** The opaque {@code cursor} of the task list: where the previous page ended. */
final class TaskCursor {

    private TaskCursor() {
    }

    static String of(SyncTask last) {
        String position = ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt) + ":" + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static SyncTask.Position parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            return new SyncTask.Position(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                    UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "invalid-cursor", "The cursor is not valid",
                    "Pass the nextCursor of a previous page unchanged, or leave cursor out for the first page."));
        }
    }
}
