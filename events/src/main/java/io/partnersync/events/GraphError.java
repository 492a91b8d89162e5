package io.partnersync.events;

/** A Meta Graph API error as Meta reported it, without any token. */
public record GraphError(Integer code, Integer subcode, String message, String fbtraceId) {
}
