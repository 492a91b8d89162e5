package io.partnersync.userdirectory.domain;

import java.util.UUID;

/** A person as the directory holds them, before a chunk is applied. */
public record StoredPerson(UUID id, Person person, PersonStatus status, long lastSeenSeq) {
}
