package io.partnersync.events;

import java.time.Instant;
import java.util.List;

/**
 * One person of a partner business as Meta showed them in one sync run. Role and 2FA status
 * are kept as Meta spells them: unknown values are data, not errors. {@code email} is null
 * where Meta gives none (system users); the invite times are set for pending invites only.
 */
public record ImportedGuestUser(
        String metaUserId,
        GuestUserKind kind,
        String name,
        String email,
        String role,
        String twoFactorStatus,
        String title,
        Instant invitedAt,
        Instant inviteExpiresAt,
        List<AssetAccess> assets) {
}
