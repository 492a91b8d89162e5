package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.GuestUserKind;

/** A guest user as the directory shows them: data, status, current risk flags, and per-asset tasks. */
public record GuestUser(
        UUID id,
        UUID integrationId,
        UUID partnerId,
        String partnerBusinessId,
        String metaUserId,
        GuestUserKind kind,
        String name,
        String email,
        String role,
        String twoFactorStatus,
        String title,
        Instant invitedAt,
        Instant inviteExpiresAt,
        PersonStatus status,
        Instant removedAt,
        String removalReason,
        Instant firstSeenAt,
        Instant lastSeenAt,
        UUID lastSeenJobId,
        List<RiskFlag> riskFlags,
        List<AssetAccess> assets) {
}
