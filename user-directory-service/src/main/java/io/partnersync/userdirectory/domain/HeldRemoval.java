package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The removals of one run that the sync safeguard held, and what an admin decided about them. */
@Entity
@Table(name = "held_removal")
public class HeldRemoval extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id")
    public String workspaceId;

    @Column(name = "integration_id")
    public UUID integrationId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "job_id")
    public UUID jobId;

    @Enumerated(EnumType.STRING)
    public HeldRemovalStatus status;

    /** How many people the run would have removed. */
    public int people;

    /** The partner's active people when the run finalized. */
    @Column(name = "active_people")
    public int activePeople;

    /** People a confirmation removed (those seen again since were kept); null until confirmed. */
    public Integer removed;

    @Column(name = "held_at")
    public Instant heldAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    /** The job of the newer run that replaced this batch; null unless superseded by a run. */
    @Column(name = "superseded_by")
    public UUID supersededBy;

    public static HeldRemoval hold(SyncRun run, int people, int activePeople, Instant at) {
        HeldRemoval held = new HeldRemoval();
        held.id = UUID.randomUUID();
        held.workspaceId = run.workspaceId;
        held.integrationId = run.integrationId;
        held.partnerId = run.partnerId;
        held.jobId = run.jobId;
        held.status = HeldRemovalStatus.PENDING;
        held.people = people;
        held.activePeople = activePeople;
        held.heldAt = at;
        return held;
    }

    public static List<HeldRemoval> pendingOf(String workspaceId, UUID partnerId) {
        return list("workspaceId = ?1 and partnerId = ?2 and status = ?3", workspaceId, partnerId, HeldRemovalStatus.PENDING);
    }

    public void confirm(int removedPeople, String actor, Instant at) {
        decide(HeldRemovalStatus.CONFIRMED, actor, at);
        removed = removedPeople;
    }

    public void discard(String actor, Instant at) {
        decide(HeldRemovalStatus.DISCARDED, actor, at);
    }

    /** @param byJob the newer run's job, or null when the partner was disconnected */
    public void supersede(UUID byJob, Instant at) {
        decide(HeldRemovalStatus.SUPERSEDED, null, at);
        supersededBy = byJob;
    }

    public void requirePending() {
        if (status != HeldRemovalStatus.PENDING) {
            throw new HeldRemovalDecidedException(this);
        }
    }

    private void decide(HeldRemovalStatus decision, String actor, Instant at) {
        requirePending();
        status = decision;
        decidedBy = actor;
        decidedAt = at;
    }
}
