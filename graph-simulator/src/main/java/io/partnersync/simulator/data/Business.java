package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

/** A Meta Business Manager. {@code createdTime} is in Graph's format, e.g. {@code 2024-03-05T10:15:30+0000}. */
public record Business(String id, String name, String verificationStatus, String createdTime) {

    public Business {
        requireNonNull(id, "business.id");
    }
}
