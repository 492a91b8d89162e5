package io.partnersync.problem;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Endpoints that fail in every way the shared mappers handle. */
@Path("/examples")
public class ExampleResource {

    public record NewExample(@NotBlank String name, @Pattern(regexp = "[0-9]+") String businessId, int count) {
    }

    @POST
    public NewExample create(@Valid NewExample example) {
        return example;
    }

    @GET
    public String list(@QueryParam("limit") @Max(100) int limit) {
        return "ok";
    }

    @GET
    @Path("{id}")
    public String read(@PathParam("id") UUID id) {
        throw new ProblemException(Problem.of(404, "example-not-found", "Example not found", "No example " + id + ".")
                .with("exampleId", id.toString()));
    }

    @GET
    @Path("failing")
    public String failing() {
        throw new IllegalStateException("database password is hunter2");
    }

    @GET
    @Path("forbidden")
    public String forbidden() {
        throw new ForbiddenException();
    }

    @GET
    @Path("unauthenticated")
    public String unauthenticated() {
        throw new UnauthorizedException();
    }
}
