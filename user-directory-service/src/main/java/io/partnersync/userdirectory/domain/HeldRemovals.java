package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/** An admin's decision on removals the sync safeguard held. */
@ApplicationScoped
public class HeldRemovals {

    private static final Logger LOG = Logger.getLogger(HeldRemovals.class);

    private final DirectoryStore store;
    private final ChangeLog changeLog;

    HeldRemovals(DirectoryStore store, ChangeLog changeLog) {
        this.store = store;
        this.changeLog = changeLog;
    }

    @Transactional
    public HeldRemoval find(String workspaceId, UUID id) {
        HeldRemoval held = HeldRemoval.find("id = ?1 and workspaceId = ?2", id, workspaceId).firstResult();
        if (held == null) {
            throw new UnknownResourceException("held-removal", id);
        }
        return held;
    }

    @Transactional
    public List<HeldRemoval> list(String workspaceId, UUID integrationId, HeldRemovalStatus status) {
        return status == null
                ? HeldRemoval.list("workspaceId = ?1 and integrationId = ?2 order by heldAt desc", workspaceId, integrationId)
                : HeldRemoval.list("workspaceId = ?1 and integrationId = ?2 and status = ?3 order by heldAt desc",
                        workspaceId, integrationId, status);
    }

    /**
     * Removes the held people, except those a chunk applied since the held run began has
     * seen again; each removal is in their history with the admin as actor.
     */
    @Transactional
    public HeldRemoval confirm(String workspaceId, UUID id, String actor) {
        HeldRemoval held = lockedPending(workspaceId, id);
        SyncRun run = SyncRun.findById(held.jobId);
        Instant now = Now.micros();
        List<ChangeLog.Entry> removals = store.removeHeld(workspaceId, held.id, run.firstSeq,
                        ChangeLog.HELD_REMOVAL_CONFIRMED, now).stream()
                .map(person -> ChangeLog.Entry.removal(person, ChangeLog.HELD_REMOVAL_CONFIRMED))
                .toList();
        changeLog.append(new PartnerScope(workspaceId, held.integrationId, held.partnerId), held.jobId, actor, now, removals);
        held.confirm(removals.size(), actor, now);
        LOG.infof("%s confirmed held removal %s of partner %s: %d of %d people removed", actor, id, held.partnerId,
                removals.size(), held.people);
        return held;
    }

    /** Keeps the held people active; a later run that still misses them decides again. */
    @Transactional
    public HeldRemoval discard(String workspaceId, UUID id, String actor) {
        HeldRemoval held = lockedPending(workspaceId, id);
        held.discard(actor, Now.micros());
        LOG.infof("%s discarded held removal %s of partner %s (%d people kept)", actor, id, held.partnerId, held.people);
        return held;
    }

    /** The batch, re-read after locking its partner so a run finalizing meanwhile is seen. */
    private HeldRemoval lockedPending(String workspaceId, UUID id) {
        HeldRemoval held = find(workspaceId, id);
        store.lockPartner(workspaceId, held.partnerId);
        HeldRemoval.getEntityManager().refresh(held);
        held.requirePending();
        return held;
    }
}
