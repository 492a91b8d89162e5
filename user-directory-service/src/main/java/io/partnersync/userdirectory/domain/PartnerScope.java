package io.partnersync.userdirectory.domain;

import java.util.UUID;

/** The people of one partner of one integration, in one workspace. */
public record PartnerScope(String workspaceId, UUID integrationId, UUID partnerId) {
}
