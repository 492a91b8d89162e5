package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.partnersync.events.GuestUserKind;

/**
 * The risk rules. Role and 2FA status come as Meta spells them ({@code ADMIN},
 * {@code enabled}); any 2FA status other than enabled, including none reported, counts as
 * not enabled. Only active people carry flags: a removed person has no access left to risk.
 */
public final class RiskFlags {

    private static final String ADMIN = "ADMIN";
    private static final String TWO_FACTOR_ENABLED = "enabled";
    private static final String FULL_CONTROL_TASK = "MANAGE";

    private RiskFlags() {
    }

    /**
     * The flags that follow from the person's data alone, stored with the person so they can
     * be filtered through an index. {@link RiskFlag#STALE_PENDING_INVITE} depends on the
     * clock and is never part of them.
     */
    public static List<RiskFlag> fromData(Person person) {
        List<RiskFlag> flags = new ArrayList<>();
        boolean admin = ADMIN.equalsIgnoreCase(person.role());
        if (admin && person.kind() == GuestUserKind.BUSINESS_USER
                && !TWO_FACTOR_ENABLED.equalsIgnoreCase(person.twoFactorStatus())) {
            flags.add(RiskFlag.ADMIN_WITHOUT_2FA);
        }
        if (person.assets().stream().anyMatch(asset -> asset.tasks().stream().anyMatch(FULL_CONTROL_TASK::equalsIgnoreCase))) {
            flags.add(RiskFlag.FULL_CONTROL_ON_SHARED_ASSET);
        }
        if (admin && person.kind() == GuestUserKind.SYSTEM_USER) {
            flags.add(RiskFlag.SYSTEM_USER_ADMIN);
        }
        return flags;
    }

    /** A pending invite still open and sent before {@code staleBefore} (now minus the configured age). */
    public static boolean isStaleInvite(GuestUserKind kind, PersonStatus status, Instant invitedAt, Instant staleBefore) {
        return kind == GuestUserKind.PENDING_INVITE && status == PersonStatus.ACTIVE
                && invitedAt != null && invitedAt.isBefore(staleBefore);
    }

    /** Stored flags plus the clock-dependent one, in the enum's order. */
    public static List<RiskFlag> current(List<RiskFlag> stored, boolean staleInvite) {
        List<RiskFlag> flags = new ArrayList<>(stored);
        if (staleInvite) {
            flags.add(RiskFlag.STALE_PENDING_INVITE);
        }
        flags.sort(null);
        return List.copyOf(flags);
    }
}
