package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An ad account, page, catalog or pixel, owned by one business and shared with others. */
public record Asset(String id, AssetType type, String name, String ownerBusinessId, List<AssetShare> sharedWith) {

    private static final String AD_ACCOUNT_PREFIX = "act_";

    public Asset {
        requireNonNull(id, "asset.id");
        requireNonNull(type, "asset.type");
        requireNonNull(ownerBusinessId, "asset.ownerBusinessId");
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        if ((type == AssetType.AD_ACCOUNT) != id.startsWith(AD_ACCOUNT_PREFIX)) {
            throw new IllegalArgumentException(
                    "asset '" + id + "': ad account ids, and only they, start with 'act_' as in Graph");
        }
    }

    public Optional<AssetShare> shareWith(String businessId) {
        return sharedWith.stream().filter(share -> share.businessId().equals(businessId)).findFirst();
    }

    /** Graph's {@code account_id}: the ad account id without {@code act_}; other assets have none. */
    public String accountId() {
        return type == AssetType.AD_ACCOUNT ? id.substring(AD_ACCOUNT_PREFIX.length()) : null;
    }

    /** The tasks people of {@code businessId} may hold on this asset; empty when it has no access. */
    public List<String> permittedTasksFor(String businessId) {
        if (ownerBusinessId.equals(businessId)) {
            return type.allTasks();
        }
        return shareWith(businessId).filter(AssetShare::grantsAccess).map(AssetShare::permittedTasks).orElse(List.of());
    }

    public boolean isReachableBy(String businessId) {
        return ownerBusinessId.equals(businessId)
                || shareWith(businessId).map(AssetShare::grantsAccess).orElse(false);
    }

    /** This asset with {@code share} added, or replacing the share with the same business. */
    public Asset withShare(AssetShare share) {
        List<AssetShare> shares = new ArrayList<>(withoutShare(share.businessId()).sharedWith());
        shares.add(share);
        return new Asset(id, type, name, ownerBusinessId, shares);
    }

    public Asset withoutShare(String businessId) {
        List<AssetShare> shares = sharedWith.stream().filter(share -> !share.businessId().equals(businessId)).toList();
        return new Asset(id, type, name, ownerBusinessId, shares);
    }
}
