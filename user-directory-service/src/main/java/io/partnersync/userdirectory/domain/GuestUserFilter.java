package io.partnersync.userdirectory.domain;

import java.util.Set;
import java.util.UUID;

import io.partnersync.events.GuestUserKind;

/**
 * Which guest users of an integration to list. Within one filter any value matches (kind
 * BUSINESS_USER or SYSTEM_USER); filters combine with AND. Empty sets and nulls filter nothing.
 *
 * @param text        a substring of the name or email, case-insensitive
 * @param heldRemoval only the people held by this held-removal batch
 */
public record GuestUserFilter(
        UUID integrationId,
        Set<UUID> partners,
        Set<GuestUserKind> kinds,
        Set<String> roles,
        Set<PersonStatus> statuses,
        Set<RiskFlag> riskFlags,
        String assetId,
        String text,
        UUID heldRemoval) {

    public GuestUserFilter {
        partners = Set.copyOf(partners);
        kinds = Set.copyOf(kinds);
        roles = Set.copyOf(roles);
        statuses = Set.copyOf(statuses);
        riskFlags = Set.copyOf(riskFlags);
    }

    public static GuestUserFilter of(UUID integrationId) {
        return new GuestUserFilter(integrationId, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, null);
    }

    /** The values the tabs count, each counted under every other filter but its own. */
    public enum Facet {
        STATUS,
        KIND,
        ROLE,
        PARTNER,
        RISK_FLAG
    }

    public GuestUserFilter without(Facet facet) {
        return new GuestUserFilter(integrationId,
                facet == Facet.PARTNER ? Set.of() : partners,
                facet == Facet.KIND ? Set.of() : kinds,
                facet == Facet.ROLE ? Set.of() : roles,
                facet == Facet.STATUS ? Set.of() : statuses,
                facet == Facet.RISK_FLAG ? Set.of() : riskFlags,
                assetId, text, heldRemoval);
    }
}
