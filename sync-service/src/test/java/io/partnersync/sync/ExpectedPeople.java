package io.partnersync.sync;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.PendingUser;
import io.partnersync.simulator.data.SystemUser;

/**
 * What a sync of one partner must import, worked out from the simulator's data set itself: every
 * business user, system user and pending invite of the partner, each with their tasks on the
 * assets shared between the partner and the customer (in either direction, confirmed shares only).
 */
final class ExpectedPeople {

    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private ExpectedPeople() {
    }

    static List<ImportedGuestUser> of(DataSet data, String customerId, String partnerId) {
        Map<String, Asset> shared = data.assets().stream()
                .filter(asset -> sharedWith(asset, customerId, partnerId) || sharedWith(asset, partnerId, customerId))
                .collect(Collectors.toMap(Asset::id, Function.identity()));
        Map<String, List<Assignment>> assignments = data.assignments().stream()
                .filter(assignment -> shared.containsKey(assignment.assetId()))
                .collect(Collectors.groupingBy(Assignment::userId));
        List<ImportedGuestUser> people = new ArrayList<>();
        for (BusinessUser user : data.businessUsers()) {
            if (user.businessId().equals(partnerId)) {
                people.add(new ImportedGuestUser(user.id(), GuestUserKind.BUSINESS_USER, user.name(), user.email(),
                        user.role(), user.twoFactorEnabled() ? "enabled" : "not_enabled", user.title(), null, null,
                        access(assignments, shared, user.id())));
            }
        }
        for (SystemUser user : data.systemUsers()) {
            if (user.businessId().equals(partnerId)) {
                people.add(new ImportedGuestUser(user.id(), GuestUserKind.SYSTEM_USER, user.name(), null, user.role(),
                        null, null, null, null, access(assignments, shared, user.id())));
            }
        }
        for (PendingUser invite : data.pendingUsers()) {
            if (invite.businessId().equals(partnerId)) {
                people.add(new ImportedGuestUser(invite.id(), GuestUserKind.PENDING_INVITE, null, invite.email(),
                        invite.role(), null, null, time(invite.createdTime()), time(invite.expirationTime()), List.of()));
            }
        }
        return people;
    }

    private static boolean sharedWith(Asset asset, String owner, String holder) {
        return asset.ownerBusinessId().equals(owner)
                && asset.shareWith(holder).map(AssetShare::grantsAccess).orElse(false);
    }

    private static List<AssetAccess> access(Map<String, List<Assignment>> assignments, Map<String, Asset> shared,
            String userId) {
        return assignments.getOrDefault(userId, List.of()).stream()
                .sorted(Comparator.comparing(Assignment::assetId))
                .map(assignment -> {
                    Asset asset = shared.get(assignment.assetId());
                    return new AssetAccess(asset.id(), AssetType.valueOf(asset.type().name()), asset.name(),
                            assignment.tasks());
                })
                .toList();
    }

    private static Instant time(String graphTime) {
        return graphTime == null ? null : GRAPH_TIME.parse(graphTime, Instant::from);
    }
}
