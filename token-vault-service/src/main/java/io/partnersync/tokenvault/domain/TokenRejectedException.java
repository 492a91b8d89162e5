package io.partnersync.tokenvault.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Meta answered, and the token fails one or more checks. Lists every failed check. */
public class TokenRejectedException extends RuntimeException {

    private final List<CheckFailure> failures;

    public TokenRejectedException(List<CheckFailure> failures) {
        super(failures.stream().map(CheckFailure::message).collect(Collectors.joining("; ")), null, false, false);
        this.failures = List.copyOf(failures);
    }

    public List<CheckFailure> failures() {
        return failures;
    }
}
