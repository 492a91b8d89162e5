package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.ImportedGuestUser;

/**
 * What the directory knows of one guest user from Meta, in a normal form: assets sorted by
 * id, one entry per asset, tasks sorted and distinct, times at database precision. Two
 * syncs that saw the same thing in another order give equal values, so nothing spurious
 * lands in the history.
 */
public record Person(
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

    public Person {
        assets = List.copyOf(assets);
    }

    public static Person of(ImportedGuestUser user) {
        if (user == null || user.metaUserId() == null || user.metaUserId().isBlank() || user.kind() == null) {
            throw new IllegalArgumentException("Every imported guest user needs a metaUserId and a kind");
        }
        return new Person(user.metaUserId(), user.kind(), user.name(), user.email(), user.role(),
                user.twoFactorStatus(), user.title(), micros(user.invitedAt()), micros(user.inviteExpiresAt()),
                normalized(user.assets()));
    }

    /** The identity of a person within one partner: the same Meta id can be a user and an invite. */
    public Identity identity() {
        return new Identity(metaUserId, kind);
    }

    public record Identity(String metaUserId, GuestUserKind kind) {
    }

    static List<AssetAccess> normalized(List<AssetAccess> assets) {
        if (assets == null) {
            return List.of();
        }
        Map<String, AssetAccess> byId = new LinkedHashMap<>();
        for (AssetAccess asset : assets) {
            if (asset == null || asset.assetId() == null || asset.assetId().isBlank()) {
                throw new IllegalArgumentException("Every asset access needs an assetId");
            }
            AssetAccess known = byId.get(asset.assetId());
            TreeSet<String> tasks = new TreeSet<>();
            if (known != null) {
                tasks.addAll(known.tasks());
            }
            if (asset.tasks() != null) {
                asset.tasks().stream().filter(task -> task != null && !task.isBlank()).forEach(tasks::add);
            }
            byId.put(asset.assetId(), new AssetAccess(asset.assetId(), asset.assetType(),
                    asset.assetName() != null ? asset.assetName() : known != null ? known.assetName() : null,
                    List.copyOf(tasks)));
        }
        List<AssetAccess> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(AssetAccess::assetId));
        return List.copyOf(sorted);
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
