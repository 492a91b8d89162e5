package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnersync.events.GuestUsersImported;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One sync job of one partner as the directory applies it. Chunks arrive in any order and
 * maybe twice; the run counts what each new chunk did and is complete when chunks 0 to the
 * last one have all arrived.
 */
@Entity
@Table(name = "sync_run")
public class SyncRun extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "workspace_id")
    public String workspaceId;

    @Column(name = "integration_id")
    public UUID integrationId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "task_id")
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    public SyncRunStatus status;

    /** The partner's apply sequence number when the run's first chunk arrived. */
    @Column(name = "first_seq")
    public long firstSeq;

    @Column(name = "last_chunk_index")
    public Integer lastChunkIndex;

    @Column(name = "highest_chunk_index")
    public int highestChunkIndex;

    @Column(name = "chunks_received")
    public int chunksReceived;

    public int added;
    public int updated;
    public int unchanged;
    public int removed;

    @Column(name = "removals_held")
    public int removalsHeld;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    public static SyncRun start(GuestUsersImported chunk, long firstSeq, Instant now) {
        SyncRun run = new SyncRun();
        run.jobId = chunk.jobId();
        run.workspaceId = chunk.workspaceId();
        run.integrationId = chunk.integrationId();
        run.partnerId = chunk.partnerId();
        run.taskId = chunk.taskId();
        run.status = SyncRunStatus.APPLYING;
        run.firstSeq = firstSeq;
        run.highestChunkIndex = -1;
        run.startedAt = now;
        return run;
    }

    /** Refuses a chunk that contradicts what the run already knows (another partner, a second last chunk). */
    public void checkBelongs(GuestUsersImported chunk) {
        if (!workspaceId.equals(chunk.workspaceId()) || !partnerId.equals(chunk.partnerId())
                || !integrationId.equals(chunk.integrationId())) {
            throw new IllegalArgumentException("Chunk " + chunk.chunkIndex() + " of job " + jobId
                    + " names another workspace, integration or partner than the job's first chunk");
        }
        int index = chunk.chunkIndex();
        if (lastChunkIndex != null && index > lastChunkIndex) {
            throw new IllegalArgumentException("Chunk " + index + " of job " + jobId + " comes after its last chunk "
                    + lastChunkIndex);
        }
        if (chunk.lastChunk() && lastChunkIndex != null && index != lastChunkIndex) {
            throw new IllegalArgumentException("Job " + jobId + " already had chunk " + lastChunkIndex + " as its last");
        }
        if (chunk.lastChunk() && index < highestChunkIndex) {
            throw new IllegalArgumentException("Chunk " + index + " of job " + jobId + " says it is the last, but chunk "
                    + highestChunkIndex + " arrived");
        }
    }

    public void chunkArrived(GuestUsersImported chunk, ImportCounts counts) {
        if (status != SyncRunStatus.APPLYING) {
            throw new IllegalStateException("Job " + jobId + " is already finalized");
        }
        chunksReceived++;
        highestChunkIndex = Math.max(highestChunkIndex, chunk.chunkIndex());
        if (chunk.lastChunk()) {
            lastChunkIndex = chunk.chunkIndex();
        }
        added += counts.added();
        updated += counts.updated();
        unchanged += counts.unchanged();
    }

    public boolean allChunksArrived() {
        return lastChunkIndex != null && chunksReceived == lastChunkIndex + 1;
    }

    public boolean isFinalized() {
        return status == SyncRunStatus.FINALIZED;
    }

    public void finish(int removedPeople, int heldPeople, Instant at) {
        if (!allChunksArrived() || status != SyncRunStatus.APPLYING) {
            throw new IllegalStateException("Job " + jobId + " cannot be finalized now");
        }
        removed = removedPeople;
        removalsHeld = heldPeople;
        status = SyncRunStatus.FINALIZED;
        finalizedAt = at;
    }
}
