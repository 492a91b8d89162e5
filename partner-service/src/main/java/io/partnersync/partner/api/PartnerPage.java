package io.partnersync.partner.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of an integration's partners.")
public record PartnerPage(
        List<PartnerView> items,
        @Schema(description = "Zero-based page number") int page,
        int size,
        @Schema(description = "Partners matching the filter, on every page") long totalItems,
        int totalPages) {
}
