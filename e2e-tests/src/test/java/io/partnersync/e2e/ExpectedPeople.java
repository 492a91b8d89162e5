package io.partnersync.e2e;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.DataSet;

/**
 * What the directory must show for one partner, derived from the simulator's data set (not
 * written down by hand) and changed in step with the changes the journey makes in the
 * simulator.
 */
final class ExpectedPeople {

    record Person(String kind, String role, Map<String, Set<String>> tasksByAsset) {
    }

    private final Map<String, Person> people = new HashMap<>();
    private final Set<String> removed = new TreeSet<>();
    private final Set<String> sharedAssets = new TreeSet<>();

    /** The people of {@code partner} with their tasks on the assets {@code customer} shares with it. */
    static ExpectedPeople of(DataSet data, String customer, String partner) {
        Set<String> shared = new HashSet<>();
        for (Asset asset : data.assets()) {
            boolean sharedWithPartner = asset.sharedWith().stream().map(AssetShare::businessId).anyMatch(partner::equals);
            if (asset.ownerBusinessId().equals(customer) && sharedWithPartner) {
                shared.add(asset.id());
            }
        }
        ExpectedPeople expected = new ExpectedPeople();
        expected.sharedAssets.addAll(shared);
        data.businessUsers().stream().filter(user -> user.businessId().equals(partner))
                .forEach(user -> expected.people.put(user.id(), new Person("BUSINESS_USER", user.role(), new TreeMap<>())));
        data.systemUsers().stream().filter(user -> user.businessId().equals(partner))
                .forEach(user -> expected.people.put(user.id(), new Person("SYSTEM_USER", user.role(), new TreeMap<>())));
        data.pendingUsers().stream().filter(invite -> invite.businessId().equals(partner))
                .forEach(invite -> expected.people.put(invite.id(), new Person("PENDING_INVITE", invite.role(), new TreeMap<>())));
        for (Assignment assignment : data.assignments()) {
            Person person = expected.people.get(assignment.userId());
            if (person != null && shared.contains(assignment.assetId()) && !assignment.tasks().isEmpty()) {
                person.tasksByAsset().put(assignment.assetId(), new TreeSet<>(assignment.tasks()));
            }
        }
        return expected;
    }

    Map<String, Person> active() {
        return Map.copyOf(people);
    }

    /** In the shape the journey reads the directory in: active people by Meta id, and the removed ids. */
    Map<String, Object> asDirectory() {
        return Map.of("active", active(), "removed", removed());
    }

    Set<String> sharedAssets() {
        return Set.copyOf(sharedAssets);
    }

    Set<String> withAccessTo(String assetId) {
        Set<String> ids = new TreeSet<>();
        people.forEach((id, person) -> {
            if (person.tasksByAsset().containsKey(assetId)) {
                ids.add(id);
            }
        });
        return ids;
    }

    Set<String> removed() {
        return Set.copyOf(removed);
    }

    int count() {
        return people.size();
    }

    void remove(String metaUserId) {
        people.remove(metaUserId);
        removed.add(metaUserId);
    }

    void changeRole(String metaUserId, String role) {
        Person before = people.get(metaUserId);
        people.put(metaUserId, new Person(before.kind(), role, before.tasksByAsset()));
    }

    void unshare(String assetId) {
        sharedAssets.remove(assetId);
        people.values().forEach(person -> person.tasksByAsset().remove(assetId));
    }

    void removeEveryone() {
        List.copyOf(people.keySet()).forEach(this::remove);
    }
}
