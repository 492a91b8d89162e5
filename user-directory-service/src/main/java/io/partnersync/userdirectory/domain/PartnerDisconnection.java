package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.partnersync.events.PartnerDisconnected;

/**
 * A disconnected partner's people are removed ("partner disconnected"), kept with their
 * history. Chunks its syncs read before the disconnection are no longer applied.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PartnerDisconnection {

    private static final Logger LOG = Logger.getLogger(PartnerDisconnection.class);

    private final DirectoryStore store;
    private final ChangeLog changeLog;

    PartnerDisconnection(DirectoryStore store, ChangeLog changeLog) {
        this.store = store;
        this.changeLog = changeLog;
    }

    /** Answers how many people were removed; a repeated disconnection finds nobody left to remove. */
    public int apply(PartnerDisconnected event) {
        if (event.workspaceId() == null || event.workspaceId().isBlank() || event.partnerId() == null
                || event.integrationId() == null || event.occurredAt() == null) {
            throw new IllegalArgumentException("PartnerDisconnected " + event.eventId()
                    + " lacks workspace, integration, partner or time");
        }
        Instant now = Now.micros();
        PartnerScope scope = new PartnerScope(event.workspaceId(), event.integrationId(), event.partnerId());
        store.lockForDisconnection(scope, event.partnerBusinessId(), event.occurredAt());
        for (HeldRemoval pending : HeldRemoval.pendingOf(scope.workspaceId(), scope.partnerId())) {
            pending.supersede(null, now);
        }
        List<ChangeLog.Entry> removals = store.removeAllOf(scope.workspaceId(), scope.partnerId(),
                        ChangeLog.PARTNER_DISCONNECTED, now).stream()
                .map(person -> ChangeLog.Entry.removal(person, ChangeLog.PARTNER_DISCONNECTED))
                .toList();
        changeLog.append(scope, null, event.disconnectedBy(), now, removals);
        LOG.infof("Partner %s (workspace %s) disconnected: %d people removed", scope.partnerId(), scope.workspaceId(),
                removals.size());
        return removals.size();
    }
}
