package io.partnersync.userdirectory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import io.partnersync.events.AssetAccess;

/**
 * What a sync changed for one person: the outcome counted in the run, and the history
 * entries it leaves. Pure: the caller loads the stored person and writes the result.
 */
public final class PersonDiff {

    public enum Outcome {
        ADDED,
        UPDATED,
        UNCHANGED
    }

    /** One history entry; {@code before}/{@code after} become JSON (a string, a task list, an asset). */
    public record Change(ChangeType type, String assetId, Object before, Object after) {
    }

    public record Result(Outcome outcome, List<Change> changes) {
    }

    private PersonDiff() {
    }

    public static Result added() {
        return new Result(Outcome.ADDED, List.of(new Change(ChangeType.ADDED, null, null, PersonStatus.ACTIVE.name())));
    }

    /**
     * @param before         the person as stored (for an accepted invite: the invite)
     * @param statusBefore   their stored status
     * @param after          the person as this sync saw them
     * @param inviteAccepted the stored person is a pending invite that became this business user
     */
    public static Result compare(Person before, PersonStatus statusBefore, Person after, boolean inviteAccepted) {
        List<Change> changes = new ArrayList<>();
        if (inviteAccepted) {
            changes.add(new Change(ChangeType.INVITE_ACCEPTED, null, identity(before), identity(after)));
        }
        if (statusBefore == PersonStatus.REMOVED) {
            changes.add(new Change(ChangeType.REAPPEARED, null, PersonStatus.REMOVED.name(), PersonStatus.ACTIVE.name()));
        }
        field(changes, ChangeType.NAME_CHANGED, before, after, Person::name);
        field(changes, ChangeType.EMAIL_CHANGED, before, after, Person::email);
        field(changes, ChangeType.TITLE_CHANGED, before, after, Person::title);
        field(changes, ChangeType.ROLE_CHANGED, before, after, Person::role);
        field(changes, ChangeType.TWO_FACTOR_CHANGED, before, after, Person::twoFactorStatus);
        assets(changes, before.assets(), after.assets());
        // Asset names and invite times change data without being history worth a line.
        boolean updated = !changes.isEmpty() || !before.equals(after);
        return new Result(updated ? Outcome.UPDATED : Outcome.UNCHANGED, List.copyOf(changes));
    }

    private static void field(List<Change> changes, ChangeType type, Person before, Person after,
            Function<Person, String> value) {
        String old = value.apply(before);
        String now = value.apply(after);
        if (!Objects.equals(old, now)) {
            changes.add(new Change(type, null, old, now));
        }
    }

    private static void assets(List<Change> changes, List<AssetAccess> before, List<AssetAccess> after) {
        Map<String, AssetAccess> old = byId(before);
        Map<String, AssetAccess> now = byId(after);
        for (AssetAccess asset : now.values()) {
            AssetAccess known = old.get(asset.assetId());
            if (known == null) {
                changes.add(new Change(ChangeType.ASSET_ADDED, asset.assetId(), null, asset));
            } else if (!known.tasks().equals(asset.tasks())) {
                changes.add(new Change(ChangeType.ASSET_TASKS_CHANGED, asset.assetId(), known.tasks(), asset.tasks()));
            }
        }
        for (AssetAccess asset : old.values()) {
            if (!now.containsKey(asset.assetId())) {
                changes.add(new Change(ChangeType.ASSET_REMOVED, asset.assetId(), asset, null));
            }
        }
    }

    private static Map<String, AssetAccess> byId(List<AssetAccess> assets) {
        Map<String, AssetAccess> byId = new TreeMap<>();
        assets.forEach(asset -> byId.put(asset.assetId(), asset));
        return byId;
    }

    private static Map<String, String> identity(Person person) {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("metaUserId", person.metaUserId());
        identity.put("kind", person.kind().name());
        return identity;
    }
}
