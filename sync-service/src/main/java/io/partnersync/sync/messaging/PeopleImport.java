package io.partnersync.sync.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.events.outbox.Outbox;
import io.partnersync.sync.domain.ChunkBuffer;
import io.partnersync.sync.domain.StagedAccess;
import io.partnersync.sync.domain.Staging;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.Times;
import io.partnersync.sync.meta.GraphPerson;
import io.partnersync.sync.meta.PartnerPeopleReader;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Where one job's pages go: asset access into staging; each page of people, minus anyone this
 * job emitted already, joined with their staged access and cut into {@code GuestUsersImported}
 * chunks. Each chunk is written through the outbox in a transaction that also counts it on the
 * job, and only while the job is still running: an abandoned job's worker stops at its next chunk.
 */
final class PeopleImport implements PartnerPeopleReader.Sink {

    private final SyncRun.JobRef job;
    private final SyncRun.Progress progress;
    private final Staging staging;
    private final Outbox outbox;
    private final ChunkBuffer<ImportedGuestUser> chunks;
    private int peopleEmitted;

    PeopleImport(SyncRun.JobRef job, SyncRun.Progress progress, Staging staging, Outbox outbox, int chunkSize) {
        this.job = job;
        this.progress = progress;
        this.staging = staging;
        this.outbox = outbox;
        this.chunks = new ChunkBuffer<>(chunkSize, this::publish);
    }

    @Override
    public void access(List<StagedAccess> rows) {
        staging.stage(job.id(), job.workspaceId(), rows);
    }

    @Override
    public void people(List<GraphPerson> page) {
        Set<String> fresh = staging.firstSeen(job.id(), job.workspaceId(),
                page.stream().map(GraphPerson::metaUserId).toList());
        Map<String, List<AssetAccess>> access = staging.accessOf(job.id(), job.workspaceId(), fresh);
        for (GraphPerson person : page) {
            if (fresh.remove(person.metaUserId())) {
                chunks.add(new ImportedGuestUser(person.metaUserId(), person.kind(), person.name(), person.email(),
                        person.role(), person.twoFactorStatus(), person.title(), person.invitedAt(),
                        person.inviteExpiresAt(), access.getOrDefault(person.metaUserId(), List.of())));
                peopleEmitted++;
            }
        }
    }

    /** Sends the last chunk; the job then waits for the directory. */
    void finish() {
        chunks.finish();
    }

    int peopleEmitted() {
        return peopleEmitted;
    }

    int chunksSent() {
        return chunks.chunksSent();
    }

    private void publish(int index, boolean last, List<ImportedGuestUser> users) {
        QuarkusTransaction.requiringNew().run(() -> {
            SyncJob row = SyncJob.lockInWorkspace(job.id(), job.workspaceId()).orElseThrow();
            if (!row.isRunning()) {
                throw new CancellationException("job " + row.id + " is " + row.status + "; its chunks stop here");
            }
            Instant now = Times.now();
            progress.reportTo(row, now);
            row.chunkPublished(users.size(), now);
            outbox.write(new GuestUsersImported(UUID.randomUUID(), Instant.now(), job.workspaceId(),
                    job.integrationId(), job.partnerId(), job.partnerBusinessId(), job.taskId(), job.id(), index, last,
                    new ArrayList<>(users)));
            if (last) {
                row.awaitDirectory(now);
            }
        });
    }
}
