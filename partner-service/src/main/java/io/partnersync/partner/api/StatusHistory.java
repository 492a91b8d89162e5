package io.partnersync.partner.api;

import java.util.List;
import java.util.UUID;

/** Every status transition of a partner, newest first. */
public record StatusHistory(UUID partnerId, List<StatusChangeView> changes) {
}
