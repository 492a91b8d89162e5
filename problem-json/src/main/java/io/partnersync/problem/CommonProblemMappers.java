package io.partnersync.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns the errors every service shares into problem+json. Details never echo a rejected
 * value: a client may have put a token in the wrong field.
 */
public class CommonProblemMappers {

    private static final Logger LOG = Logger.getLogger(CommonProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(v -> isReturnValue(v.getPropertyPath()))) {
            return unexpected(e);
        }
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> field(v.getPropertyPath())))
                .map(v -> Map.of("field", field(v.getPropertyPath()), "message", v.getMessage()))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message"))
                .collect(Collectors.joining("; "));
        return Problem.of(400, "invalid-request", "The request is not valid", detail)
                .with("violations", violations).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problem.of(400, "malformed-json", "The request body is not valid JSON",
                "The body could not be parsed as JSON near line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ".").toResponse();
    }

    /** Declared apart from the general case because Quarkus maps this subtype itself. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unexpectedJson(e);
    }

    @ServerExceptionMapper
    public Response unexpectedJson(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String detail;
        if (e instanceof UnrecognizedPropertyException) {
            detail = "Unknown field '" + field + "'.";
        } else if (e instanceof InvalidFormatException invalid) {
            detail = "Field '" + field + "' must be of type " + invalid.getTargetType().getSimpleName() + ".";
        } else if (field.isEmpty()) {
            detail = "The body does not have the expected shape.";
        } else {
            detail = "Field '" + field + "' does not have the expected type or shape.";
        }
        return Problem.of(400, "invalid-json", "The request body does not have the expected shape", detail)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return Response.fromResponse(Problem.of(401, "unauthenticated", "Authentication required",
                "Send a valid bearer token in the Authorization header.").toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated(new UnauthorizedException());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Not allowed",
                "Your role does not allow this operation.").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus reports an unparseable body as a 400 caused by the parser's exception.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unexpectedJson(mapping);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status.getStatusCode(), slug, status.getReasonPhrase(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure while handling a request", e);
        return Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side; the request may be retried.").toResponse();
    }

    private static boolean isReturnValue(Path path) {
        return StreamSupport.stream(path.spliterator(), false).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE);
    }

    /** The property path a client knows: without the Java method, and without the body parameter's name. */
    private static String field(Path path) {
        List<Path.Node> nodes = StreamSupport.stream(path.spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD)
                .toList();
        List<Path.Node> properties = nodes.stream()
                .filter(node -> node.getKind() != ElementKind.PARAMETER)
                .toList();
        return (properties.isEmpty() ? nodes : properties).stream()
                .map(Path.Node::getName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("."));
    }
}
