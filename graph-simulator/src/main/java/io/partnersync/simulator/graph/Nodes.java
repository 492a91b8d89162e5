package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.AssetType;
import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.data.PendingUser;
import io.partnersync.simulator.data.Person;
import io.partnersync.simulator.data.SystemUser;
import io.partnersync.simulator.state.GraphData;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every node type the simulator answers with, and the fields each one has. */
final class Nodes {

    /** An asset as seen by a business: {@code permittedTasks} is set for assets shared with it, null for its own. */
    record AssetAccess(Asset asset, List<String> permittedTasks) {
    }

    /**
     * A business related through shared assets: an agency of {@code ownerId} or a client of
     * {@code agencyId}. Its permissions are the assets {@code ownerId} shares with {@code agencyId}.
     */
    record BusinessPartner(Business business, String ownerId, String agencyId) {
    }

    /** A business an asset is shared with, as listed by {@code /{asset}/agencies}. */
    record AssetAgency(Business business, AssetShare share) {
    }

    /** Without a {@code fields} parameter Graph answers only these; an invite has no name, so only its id. */
    private static final List<String> ID_AND_NAME = List.of("id", "name");

    static final NodeType<Business> BUSINESS = NodeType.<Business>of("Business", ID_AND_NAME)
            .field("id", Business::id)
            .field("name", Business::name)
            .field("verification_status", Business::verificationStatus)
            .field("created_time", Business::createdTime);

    static final NodeType<Person> USER = NodeType.<Person>of("User", ID_AND_NAME)
            .field("id", Person::id)
            .field("name", Person::name);

    static final NodeType<BusinessUser> BUSINESS_USER = NodeType.<BusinessUser>of("BusinessUser", ID_AND_NAME)
            .field("id", BusinessUser::id)
            .field("name", BusinessUser::name)
            .field("email", BusinessUser::email)
            .field("first_name", BusinessUser::firstName)
            .field("last_name", BusinessUser::lastName)
            .field("role", BusinessUser::role)
            .field("title", BusinessUser::title)
            .field("two_fac_status", user -> user.twoFactorEnabled() ? "enabled" : "not_enabled")
            .field("pending_email", BusinessUser::pendingEmail)
            .field("tasks", BusinessUser::tasks)
            .field("finance_permission", BusinessUser::financePermission)
            .field("marked_for_removal", BusinessUser::markedForRemoval)
            .lookup("business", (user, data) -> businessReference(user.businessId(), data));

    static final NodeType<SystemUser> SYSTEM_USER = NodeType.<SystemUser>of("SystemUser", ID_AND_NAME)
            .field("id", SystemUser::id)
            .field("name", SystemUser::name)
            .field("role", SystemUser::role)
            .field("created_by", user -> user.createdBy() == null ? null : idReference(user.createdBy()))
            .field("created_time", SystemUser::createdTime)
            .field("finance_permission", SystemUser::financePermission);

    static final NodeType<PendingUser> PENDING_USER = NodeType.<PendingUser>of("BusinessRoleRequest", List.of("id"))
            .field("id", PendingUser::id)
            .field("email", PendingUser::email)
            .field("role", PendingUser::role)
            .field("status", invite -> "PENDING")
            .field("tasks", PendingUser::tasks)
            .field("created_by", invite -> invite.createdBy() == null ? null : idReference(invite.createdBy()))
            .field("created_time", PendingUser::createdTime)
            .field("expiration_time", PendingUser::expirationTime)
            .field("invited_user_type", PendingUser::invitedUserType);

    static final NodeType<BusinessPartner> BUSINESS_PARTNER = NodeType.<BusinessPartner>of("Business", ID_AND_NAME)
            .field("id", partner -> partner.business().id())
            .field("name", partner -> partner.business().name())
            .field("verification_status", partner -> partner.business().verificationStatus())
            .field("created_time", partner -> partner.business().createdTime())
            .lookup("adaccount_permissions", (partner, data) -> sharedAssets(partner, AssetType.AD_ACCOUNT, data))
            .lookup("page_permissions", (partner, data) -> sharedAssets(partner, AssetType.PAGE, data))
            .lookup("productcatalog_permissions", (partner, data) -> sharedAssets(partner, AssetType.CATALOG, data))
            // Graph has these two; the simulator does not model apps or custom audiences.
            .field("application_permissions", partner -> List.of())
            .field("shared_ca_count", partner -> 0);

    static final NodeType<AssetAgency> ASSET_AGENCY = NodeType.<AssetAgency>of("Business", ID_AND_NAME)
            .field("id", agency -> agency.business().id())
            .field("name", agency -> agency.business().name())
            .field("verification_status", agency -> agency.business().verificationStatus())
            .field("access_status", agency -> agency.share().accessStatus())
            .field("access_requested_time", agency -> agency.share().accessRequestedTime())
            .field("access_updated_time", agency -> agency.share().accessUpdatedTime())
            .field("permitted_tasks", agency -> agency.share().permittedTasks());

    static final NodeType<Assignment> ASSIGNED_USER = NodeType.<Assignment>of("AssignedUser", ID_AND_NAME)
            .field("id", Assignment::userId)
            .lookup("name", (assignment, data) -> assignee(assignment, data).name())
            .lookup("user_type", (assignment, data) -> assignee(assignment, data).userType())
            .field("tasks", Assignment::tasks)
            .lookup("permitted_tasks", (assignment, data) -> data.asset(assignment.assetId()).orElseThrow()
                    .permittedTasksFor(assignee(assignment, data).businessId()))
            .lookup("business", (assignment, data) -> businessReference(assignee(assignment, data).businessId(), data));

    private static final Map<AssetType, NodeType<AssetAccess>> ASSETS = new EnumMap<>(AssetType.class);

    static {
        for (AssetType type : AssetType.values()) {
            NodeType<AssetAccess> node = NodeType.<AssetAccess>of(type.graphNodeType(), ID_AND_NAME)
                    .field("id", access -> access.asset().id())
                    .field("name", access -> access.asset().name())
                    .field("permitted_tasks", AssetAccess::permittedTasks);
            if (type == AssetType.AD_ACCOUNT) {
                node.field("account_id", access -> access.asset().accountId());
            }
            // The owning business, as Graph names it: pixels say owner_business, the others business.
            node.lookup(type == AssetType.PIXEL ? "owner_business" : "business",
                    (access, data) -> businessReference(access.asset().ownerBusinessId(), data));
            ASSETS.put(type, node);
        }
    }

    private Nodes() {
    }

    static NodeType<AssetAccess> asset(AssetType type) {
        return ASSETS.get(type);
    }

    private static Person assignee(Assignment assignment, GraphData data) {
        return data.person(assignment.userId()).orElseThrow();
    }

    private static ObjectNode businessReference(String businessId, GraphData data) {
        ObjectNode reference = idReference(businessId);
        data.business(businessId).map(Business::name).ifPresent(name -> reference.put("name", name));
        return reference;
    }

    private static ObjectNode idReference(String id) {
        return Json.MAPPER.createObjectNode().put("id", id);
    }

    /** The {@code *_permissions} lists of an agency or client: {@code [{id, permitted_tasks}]}. */
    private static List<ObjectNode> sharedAssets(BusinessPartner partner, AssetType type, GraphData data) {
        return data.assets().values().stream()
                .filter(asset -> asset.type() == type && asset.ownerBusinessId().equals(partner.ownerId()))
                .flatMap(asset -> asset.shareWith(partner.agencyId()).filter(AssetShare::grantsAccess)
                        .map(share -> permission(asset, share)).stream())
                .toList();
    }

    private static ObjectNode permission(Asset asset, AssetShare share) {
        ObjectNode permission = idReference(asset.id());
        permission.set("permitted_tasks", Json.MAPPER.valueToTree(share.permittedTasks()));
        return permission;
    }
}
