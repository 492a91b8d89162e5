package io.partnersync.userdirectory.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.partnersync.events.AssetAccess;
import io.partnersync.userdirectory.domain.GuestUser;
import io.partnersync.userdirectory.domain.RiskFlag;

/** The export's columns, in a fixed order that only ever grows at the end. */
final class GuestUserCsv {

    static final List<String> HEADER = List.of("id", "partnerId", "partnerBusinessId", "kind", "metaUserId", "name",
            "email", "role", "twoFactorStatus", "title", "status", "riskFlags", "assets", "invitedAt", "inviteExpiresAt",
            "firstSeenAt", "lastSeenAt", "removedAt", "removalReason");

    private GuestUserCsv() {
    }

    static String header() {
        return Csv.record(HEADER);
    }

    static String row(GuestUser person) {
        return Csv.record(Arrays.asList(
                person.id().toString(),
                person.partnerId().toString(),
                person.partnerBusinessId(),
                person.kind().name(),
                person.metaUserId(),
                person.name(),
                person.email(),
                person.role(),
                person.twoFactorStatus(),
                person.title(),
                person.status().name(),
                person.riskFlags().stream().map(RiskFlag::name).collect(Collectors.joining(" ")),
                person.assets().stream().map(GuestUserCsv::asset).collect(Collectors.joining("; ")),
                text(person.invitedAt()),
                text(person.inviteExpiresAt()),
                text(person.firstSeenAt()),
                text(person.lastSeenAt()),
                text(person.removedAt()),
                person.removalReason()));
    }

    /** e.g. {@code Acme EU (AD_ACCOUNT act_1): ADVERTISE ANALYZE}. */
    private static String asset(AssetAccess asset) {
        return Objects.requireNonNullElse(asset.assetName(), "") + " (" + asset.assetType() + " " + asset.assetId() + "): "
                + String.join(" ", asset.tasks());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
