package io.partnersync.userdirectory.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.partnersync.problem.Problem;
import io.partnersync.userdirectory.domain.HeldRemovalDecidedException;
import io.partnersync.userdirectory.domain.UnknownResourceException;

/** The directory's domain errors as problem+json. */
public class DirectoryExceptionMapper {

    @ServerExceptionMapper
    public Response unknown(UnknownResourceException e) {
        return Problem.of(404, e.what() + "-not-found", "Not found", e.getMessage() + ".").toResponse();
    }

    @ServerExceptionMapper
    public Response alreadyDecided(HeldRemovalDecidedException e) {
        return Problem.of(409, "held-removal-decided", "The held removal was already decided",
                        "Held removal " + e.heldRemoval().id + " is " + e.heldRemoval().status
                                + "; only a PENDING one can be confirmed or discarded.")
                .with("heldRemovalStatus", e.heldRemoval().status.name())
                .toResponse();
    }
}
