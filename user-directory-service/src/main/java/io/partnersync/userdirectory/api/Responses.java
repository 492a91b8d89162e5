package io.partnersync.userdirectory.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.userdirectory.domain.ChangeHistory;
import io.partnersync.userdirectory.domain.ChangeType;
import io.partnersync.userdirectory.domain.GuestUser;
import io.partnersync.userdirectory.domain.GuestUserChange;
import io.partnersync.userdirectory.domain.HeldRemoval;
import io.partnersync.userdirectory.domain.HeldRemovalStatus;

/** The response bodies of the directory API. */
final class Responses {

    private Responses() {
    }

    /** A page of guest users; {@code nextCursor} is null on the last page. */
    record GuestUserPage(List<GuestUser> items, String nextCursor) {
    }

    record GuestUserDetail(GuestUser guestUser, ChangePage history) {
    }

    record ChangeEntry(long id, UUID guestUserId, String personName, String personEmail, UUID integrationId,
            UUID partnerId, ChangeType change, String assetId, JsonNode before, JsonNode after, String reason,
            UUID jobId, String actor, Instant occurredAt) {

        static ChangeEntry of(GuestUserChange change) {
            return new ChangeEntry(change.id, change.guestUserId, change.personName, change.personEmail,
                    change.integrationId, change.partnerId, change.change, change.assetId, change.before, change.after,
                    change.reason, change.jobId, change.actor, change.occurredAt);
        }
    }

    /** History newest first; {@code nextCursor} continues to older entries, null when there are none. */
    record ChangePage(List<ChangeEntry> items, String nextCursor) {

        static final String ORDER = "history";

        static ChangePage of(ChangeHistory.Page page) {
            ChangeHistory.Position next = page.next();
            return new ChangePage(page.items().stream().map(ChangeEntry::of).toList(), next == null ? null
                    : new PageCursor(ORDER, next.occurredAt().toString(), Long.toString(next.id())).encode());
        }
    }

    /**
     * A held-removal batch. The people it holds are listed by the guest-user list with
     * {@code heldRemoval=<id>} (filters, sort, paging and export included).
     */
    record HeldRemovalView(UUID id, UUID integrationId, UUID partnerId, UUID jobId, HeldRemovalStatus status, int people,
            int activePeople, Integer removed, Instant heldAt, Instant decidedAt, String decidedBy, UUID supersededByJobId) {

        static HeldRemovalView of(HeldRemoval held) {
            return new HeldRemovalView(held.id, held.integrationId, held.partnerId, held.jobId, held.status, held.people,
                    held.activePeople, held.removed, held.heldAt, held.decidedAt, held.decidedBy, held.supersededBy);
        }
    }
}
