package io.partnersync.partner.domain;

import static io.partnersync.partner.domain.PartnerStatus.ACCESS_REMOVED;
import static io.partnersync.partner.domain.PartnerStatus.DISCONNECTED;
import static io.partnersync.partner.domain.PartnerStatus.ONBOARDED;
import static io.partnersync.partner.domain.PartnerStatus.PENDING_ONBOARDING;
import static io.partnersync.partner.domain.PartnerStatus.RECONNECT_REQUIRED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The moves of the partner state machine and the statuses each one may start from. A move
 * from any other status is refused ({@link IllegalPartnerMove}).
 */
public enum PartnerMove {
    /** The customer hands over a validated token. A disconnected partner may be connected again. */
    CONNECT(EnumSet.of(PENDING_ONBOARDING, RECONNECT_REQUIRED, DISCONNECTED)),
    /** The customer drops the partner; its token is destroyed. */
    DISCONNECT(EnumSet.of(PENDING_ONBOARDING, ONBOARDED, RECONNECT_REQUIRED, ACCESS_REMOVED)),
    /** Meta rejected the partner's token during a sync. */
    REJECT_TOKEN(EnumSet.of(ONBOARDED)),
    /** The partner is missing from a discovery snapshot. A disconnected partner stays disconnected. */
    REMOVE_ACCESS(EnumSet.of(PENDING_ONBOARDING, ONBOARDED, RECONNECT_REQUIRED)),
    /** A partner whose access was removed is in a discovery snapshot again. */
    SHARE_AGAIN(EnumSet.of(ACCESS_REMOVED));

    private final Set<PartnerStatus> allowedFrom;

    PartnerMove(Set<PartnerStatus> allowedFrom) {
        this.allowedFrom = allowedFrom;
    }

    public boolean allowedFrom(PartnerStatus status) {
        return allowedFrom.contains(status);
    }

    public Set<PartnerStatus> allowedFrom() {
        return EnumSet.copyOf(allowedFrom);
    }
}
