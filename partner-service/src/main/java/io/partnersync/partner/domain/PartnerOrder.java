package io.partnersync.partner.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a list of partners is sorted; ties are broken by name, then id, so that pages never overlap. */
public enum PartnerOrder {
    NAME,
    /** In the order of the state machine: pending first, access removed last. */
    STATUS;

    String orderBy(boolean descending) {
        String direction = descending ? " desc" : " asc";
        return switch (this) {
            case NAME -> "lower(name)" + direction + ", id" + direction;
            case STATUS -> statusRank() + direction + ", lower(name), id";
        };
    }

    private static String statusRank() {
        return Arrays.stream(PartnerStatus.values())
                .map(status -> "when " + PartnerStatus.class.getName() + "." + status.name() + " then " + status.ordinal())
                .collect(Collectors.joining(" ", "case status ", " end"));
    }
}
