package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.partnersync.events.GuestUserKind;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.userdirectory.config.DirectoryConfig;

/**
 * Applies {@code GuestUsersImported} chunks. Each chunk's people are upserted when it
 * arrives, whatever its position; the run counts what every new chunk did, and once chunks
 * 0 to the last have all arrived it is finalized exactly once: people of the partner no
 * chunk of the run saw are removed (or held by the safeguard).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChunkImport {

    private static final Logger LOG = Logger.getLogger(ChunkImport.class);

    private final DirectoryStore store;
    private final ChangeLog changeLog;
    private final RemovalSafeguard safeguard;

    ChunkImport(DirectoryStore store, ChangeLog changeLog, DirectoryConfig config) {
        this.store = store;
        this.changeLog = changeLog;
        this.safeguard = new RemovalSafeguard(config.safeguard().maxRemovalShare());
    }

    /** Applies the chunk; answers the finished run when this chunk was the run's last missing one. */
    public Optional<FinishedRun> apply(GuestUsersImported chunk) {
        List<Person> people = people(chunk);
        Instant now = Now.micros();
        PartnerScope scope = new PartnerScope(chunk.workspaceId(), chunk.integrationId(), chunk.partnerId());
        DirectoryStore.PartnerState partner = store.lockForChunk(scope, chunk.partnerBusinessId());

        SyncRun run = SyncRun.findById(chunk.jobId());
        if (run == null) {
            run = SyncRun.start(chunk, partner.applySeq(), now);
            run.persistAndFlush();
        }
        run.checkBelongs(chunk);
        boolean connected = partner.acceptsChunkOf(chunk.occurredAt());
        if (!store.recordChunk(chunk.workspaceId(), chunk.jobId(), chunk.chunkIndex(), chunk.eventId(), people.size(),
                connected, now)) {
            LOG.debugf("Chunk %d of job %s arrived again; already applied", chunk.chunkIndex(), chunk.jobId());
            return Optional.empty();
        }
        ImportCounts counts = ImportCounts.NONE;
        if (connected) {
            if (partner.disconnectedAt() != null) {
                store.clearDisconnection(scope);
            }
            counts = applyPeople(scope, chunk, people, partner.applySeq(), now);
        } else {
            LOG.infof("Partner %s was disconnected after job %s read chunk %d; its people are not applied",
                    chunk.partnerId(), chunk.jobId(), chunk.chunkIndex());
        }
        run.chunkArrived(chunk, counts);
        LOG.debugf("Job %s chunk %d: %s", chunk.jobId(), chunk.chunkIndex(), counts);
        if (!run.allChunksArrived()) {
            return Optional.empty();
        }
        finalizeRun(scope, run, connected, now);
        return Optional.of(FinishedRun.of(run));
    }

    private static List<Person> people(GuestUsersImported chunk) {
        if (chunk.jobId() == null || chunk.partnerId() == null || chunk.integrationId() == null
                || chunk.workspaceId() == null || chunk.workspaceId().isBlank() || chunk.taskId() == null
                || chunk.occurredAt() == null || chunk.chunkIndex() < 0 || chunk.users() == null) {
            throw new IllegalArgumentException("Chunk " + chunk.eventId() + " lacks workspace, integration, partner, "
                    + "task, job, time, index or users");
        }
        // A person listed twice in one chunk counts once, as last listed.
        Map<Person.Identity, Person> unique = new LinkedHashMap<>();
        for (ImportedGuestUser user : chunk.users()) {
            Person person = Person.of(user);
            unique.remove(person.identity());
            unique.put(person.identity(), person);
        }
        return List.copyOf(unique.values());
    }

    private ImportCounts applyPeople(PartnerScope scope, GuestUsersImported chunk, List<Person> people, long seq,
            Instant now) {
        Map<Person.Identity, StoredPerson> stored = store.findByIdentity(scope,
                people.stream().map(Person::identity).toList());
        Map<String, StoredPerson> invites = acceptableInvites(scope, people, stored);

        List<DirectoryStore.PersonWrite> writes = new ArrayList<>(people.size());
        List<ChangeLog.Entry> history = new ArrayList<>();
        Map<UUID, String> acceptedInvites = new HashMap<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Person person : people) {
            StoredPerson before = stored.get(person.identity());
            boolean inviteAccepted = false;
            if (before == null && isBusinessUserWithEmail(person)) {
                before = invites.remove(lowerCase(person.email()));
                inviteAccepted = before != null;
            }
            PersonDiff.Result diff = before == null
                    ? PersonDiff.added()
                    : PersonDiff.compare(before.person(), before.status(), person, inviteAccepted);
            UUID id = before == null ? UUID.randomUUID() : before.id();
            if (inviteAccepted) {
                acceptedInvites.put(id, person.metaUserId());
            }
            writes.add(new DirectoryStore.PersonWrite(id, person, RiskFlags.fromData(person), before != null));
            diff.changes().forEach(change -> history.add(
                    new ChangeLog.Entry(id, person.name(), person.email(), change, null)));
            switch (diff.outcome()) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        store.acceptInvites(scope.workspaceId(), acceptedInvites);
        store.write(scope, chunk.partnerBusinessId(), chunk.jobId(), seq, now, writes);
        changeLog.append(scope, chunk.jobId(), null, now, history);
        return new ImportCounts(added, updated, unchanged);
    }

    /**
     * Pending invites, by lower-case email, that new business users of this chunk may have
     * accepted: not listed as invites in this chunk themselves, an active one preferred
     * over a removed one, then the one seen last.
     */
    private Map<String, StoredPerson> acceptableInvites(PartnerScope scope, List<Person> people,
            Map<Person.Identity, StoredPerson> stored) {
        List<String> emails = people.stream()
                .filter(person -> isBusinessUserWithEmail(person) && !stored.containsKey(person.identity()))
                .map(person -> lowerCase(person.email()))
                .distinct()
                .toList();
        if (emails.isEmpty()) {
            return new HashMap<>();
        }
        Set<Person.Identity> listed = people.stream().map(Person::identity).collect(Collectors.toSet());
        Map<String, StoredPerson> byEmail = new HashMap<>();
        store.findInvites(scope, emails).stream()
                .filter(invite -> !listed.contains(invite.person().identity()))
                .sorted(Comparator.comparing((StoredPerson invite) -> invite.status() != PersonStatus.ACTIVE)
                        .thenComparing(StoredPerson::lastSeenSeq, Comparator.reverseOrder()))
                .forEach(invite -> byEmail.putIfAbsent(lowerCase(invite.person().email()), invite));
        return byEmail;
    }

    private void finalizeRun(PartnerScope scope, SyncRun run, boolean connected, Instant now) {
        // A newer run's view of who is missing replaces an older held batch: people still
        // missing are candidates again below, people seen again are no longer missing.
        for (HeldRemoval older : HeldRemoval.pendingOf(scope.workspaceId(), scope.partnerId())) {
            older.supersede(run.jobId, now);
        }
        int removed = 0;
        int held = 0;
        if (connected) {
            List<UUID> missing = store.activeNotSeenSince(scope.workspaceId(), scope.partnerId(), run.firstSeq);
            if (!missing.isEmpty()) {
                int active = store.countActive(scope.workspaceId(), scope.partnerId());
                if (safeguard.holds(missing.size(), active)) {
                    HeldRemoval batch = HeldRemoval.hold(run, missing.size(), active, now);
                    batch.persistAndFlush();
                    store.holdPeople(scope.workspaceId(), batch.id, missing);
                    held = missing.size();
                    LOG.warnf("Job %s of partner %s would remove %d of %d active people; removals held for an admin (%s)",
                            run.jobId, run.partnerId, held, active, batch.id);
                } else {
                    List<ChangeLog.Entry> removals = store.remove(scope.workspaceId(), missing, ChangeLog.NOT_SEEN_IN_SYNC, now)
                            .stream().map(person -> ChangeLog.Entry.removal(person, ChangeLog.NOT_SEEN_IN_SYNC)).toList();
                    changeLog.append(scope, run.jobId, null, now, removals);
                    removed = removals.size();
                }
            }
        }
        run.finish(removed, held, now);
        LOG.infof("Job %s of partner %s (workspace %s) applied: %d added, %d updated, %d unchanged, %d removed, %d held",
                run.jobId, run.partnerId, run.workspaceId, run.added, run.updated, run.unchanged, removed, held);
    }

    private static boolean isBusinessUserWithEmail(Person person) {
        return person.kind() == GuestUserKind.BUSINESS_USER && person.email() != null && !person.email().isBlank();
    }

    private static String lowerCase(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
