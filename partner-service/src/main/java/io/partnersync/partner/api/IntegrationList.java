package io.partnersync.partner.api;

import java.util.List;

/** The integrations of the caller's workspace, oldest first. */
public record IntegrationList(List<IntegrationView> items) {
}
