package io.partnersync.userdirectory.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.partnersync.events.GuestUserKind;
import io.partnersync.userdirectory.domain.GuestUserFilter;
import io.partnersync.userdirectory.domain.GuestUserSort;
import io.partnersync.userdirectory.domain.PersonStatus;
import io.partnersync.userdirectory.domain.RiskFlag;

/** The filters and sort shared by the list, its counts and its CSV export. */
public class GuestUserListParams {

    @PathParam("integrationId")
    public String integrationId;

    @QueryParam("partner")
    @Parameter(description = "Partner id(s); repeat or comma-separate for several")
    public List<String> partner;

    @QueryParam("kind")
    @Parameter(description = "BUSINESS_USER, SYSTEM_USER, PENDING_INVITE")
    public List<String> kind;

    @QueryParam("role")
    @Parameter(description = "Role(s) as Meta spells them, e.g. ADMIN")
    public List<String> role;

    @QueryParam("status")
    @Parameter(description = "ACTIVE, REMOVED")
    public List<String> status;

    @QueryParam("riskFlag")
    @Parameter(description = "ADMIN_WITHOUT_2FA, FULL_CONTROL_ON_SHARED_ASSET, STALE_PENDING_INVITE, SYSTEM_USER_ADMIN")
    public List<String> riskFlag;

    @QueryParam("asset")
    @Parameter(description = "Only people with access to this asset id")
    public String asset;

    @QueryParam("q")
    @Parameter(description = "Part of the name or email, case-insensitive")
    public String q;

    @QueryParam("heldRemoval")
    @Parameter(description = "Only the people held by this held-removal batch")
    public String heldRemoval;

    @QueryParam("sort")
    @Parameter(description = "name (default), email, role, lastSeen, firstSeen; prefix - for descending")
    public String sort;

    UUID integrationId(RequestParams params) {
        return params.uuid("integrationId", integrationId);
    }

    GuestUserFilter filter(UUID integration, RequestParams params) {
        return new GuestUserFilter(integration,
                params.uuids("partner", partner),
                params.enumValues("kind", kind, GuestUserKind.class),
                params.texts("role", role, 100),
                params.enumValues("status", status, PersonStatus.class),
                params.enumValues("riskFlag", riskFlag, RiskFlag.class),
                params.text("asset", asset, 100),
                params.text("q", q, 200),
                heldRemoval == null || heldRemoval.isBlank() ? null : params.uuid("heldRemoval", heldRemoval));
    }

    GuestUserSort sort(RequestParams params) {
        if (sort == null || sort.isBlank()) {
            return GuestUserSort.DEFAULT;
        }
        String name = sort.trim();
        boolean descending = name.startsWith("-");
        GuestUserSort.Key key = GuestUserSort.Key.ofApiName(descending ? name.substring(1) : name).orElse(null);
        if (key == null) {
            params.violation("sort", "must be one of name, email, role, lastSeen, firstSeen, optionally prefixed with -");
            return GuestUserSort.DEFAULT;
        }
        return new GuestUserSort(key, descending);
    }
}
