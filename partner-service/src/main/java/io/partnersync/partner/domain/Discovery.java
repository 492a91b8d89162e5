package io.partnersync.partner.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.partnersync.events.DiscoveredPartner;

/**
 * Applies a discovery snapshot, the full list of an integration's partners as Meta shows
 * them now, to the partners already known:
 * <ul>
 * <li>a partner seen for the first time is created PENDING_ONBOARDING;</li>
 * <li>a known one gets its name, relationship, verification and shared assets updated, and
 * returns from ACCESS_REMOVED ({@link Partner#sharedAgain});</li>
 * <li>a known one missing from the snapshot loses its access ({@link Partner#accessRemoved}),
 * unless it is DISCONNECTED, which stays so (with no shared asset).</li>
 * </ul>
 */
public final class Discovery {

    private static final Pattern BUSINESS_ID = Pattern.compile("[0-9]{1,20}");

    /** The partners to persist and the history rows to write. */
    public record Outcome(List<Partner> discovered, List<PartnerStatusChange> changes) {
    }

    private Discovery() {
    }

    public static Outcome apply(Integration integration, List<Partner> known, List<DiscoveredPartner> snapshot,
            ChangeCause cause, Instant at) {
        requireValid(snapshot);
        Map<String, Partner> knownByBusiness = known.stream()
                .collect(Collectors.toMap(Partner::businessId, Function.identity()));
        List<Partner> discovered = new ArrayList<>();
        List<PartnerStatusChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DiscoveredPartner found : snapshot) {
            if (!seen.add(found.businessId())) {
                continue;
            }
            Partner partner = knownByBusiness.get(found.businessId());
            if (partner == null) {
                Partner created = Partner.discovered(integration, found, at);
                discovered.add(created);
                changes.add(created.discoveryChange(cause.because("discovered")));
            } else if (PartnerMove.SHARE_AGAIN.allowedFrom(partner.status())) {
                changes.add(partner.sharedAgain(found, cause, at));
            } else {
                partner.updateDetails(found, at);
            }
        }
        for (Partner partner : known) {
            if (seen.contains(partner.businessId())) {
                continue;
            }
            if (PartnerMove.REMOVE_ACCESS.allowedFrom(partner.status())) {
                changes.add(partner.accessRemoved(cause.because("missing from the discovery snapshot"), at));
            } else if (partner.status() == PartnerStatus.DISCONNECTED) {
                partner.sharesNothing(at);
            }
        }
        return new Outcome(discovered, changes);
    }

    private static void requireValid(List<DiscoveredPartner> snapshot) {
        if (snapshot == null) {
            throw new InvalidSnapshot("The snapshot has no partner list.");
        }
        for (DiscoveredPartner found : snapshot) {
            if (found == null || found.businessId() == null || !BUSINESS_ID.matcher(found.businessId()).matches()) {
                throw new InvalidSnapshot("A partner of the snapshot has no valid business id.");
            }
            if (found.name() == null || found.name().isBlank() || found.relationship() == null) {
                throw new InvalidSnapshot("Partner " + found.businessId() + " has no name or no relationship.");
            }
        }
    }
}
