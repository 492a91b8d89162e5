package io.partnersync.tokenvault.domain;

import java.util.Locale;
import java.util.UUID;

import io.partnersync.events.TokenOwnerKind;

/** Who a token belongs to: an integration or a partner of a workspace. At most one ACTIVE token each. */
public record TokenOwner(String workspaceId, TokenOwnerKind kind, UUID ownerId) {

    /** {@code <workspace>/<kind>/<owner id>}: the owner's secret path in Vault, and its lock key. */
    public String path() {
        return workspaceId + "/" + kind.name().toLowerCase(Locale.ROOT) + "/" + ownerId;
    }
}
