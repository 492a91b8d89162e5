package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An asset shared with another business (an agency of the owner), with the tasks that business's
 * people may be given. Only a CONFIRMED share grants access; a PENDING one is only listed.
 */
public record AssetShare(
        String businessId,
        List<String> permittedTasks,
        String accessStatus,
        String accessRequestedTime,
        String accessUpdatedTime) {

    public static final String CONFIRMED = "CONFIRMED";

    public AssetShare {
        requireNonNull(businessId, "share.businessId");
        permittedTasks = permittedTasks == null ? List.of() : List.copyOf(permittedTasks);
        accessStatus = accessStatus == null ? CONFIRMED : accessStatus;
    }

    public static AssetShare confirmed(String businessId, List<String> permittedTasks) {
        return new AssetShare(businessId, permittedTasks, CONFIRMED, null, null);
    }

    public boolean grantsAccess() {
        return CONFIRMED.equals(accessStatus);
    }
}
