package io.partnersync.userdirectory.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.partnersync.problem.Problem;
import io.partnersync.problem.ProblemException;

/**
 * Reads path and query parameters and collects every mistake, so one 400 answer names them
 * all, in the shape of the shared validation problem ({@code violations: [{field, message}]}).
 * Parameters are taken as text: JAX-RS would answer a bad enum or UUID query value with 404.
 * Repeated parameters and comma-separated values both give several values.
 */
final class RequestParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final String NOT_A_CURSOR = "is not a cursor this API returned";

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<Map<String, String>> violations = new ArrayList<>();

    UUID uuid(String field, String raw) {
        return parse(field, raw, RequestParams::strictUuid, "must be a UUID");
    }

    Set<UUID> uuids(String field, List<String> raw) {
        return values(field, raw, value -> uuid(field, value));
    }

    <E extends Enum<E>> E enumValue(String field, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return parse(field, raw.trim(), value -> Enum.valueOf(type, value), "must be one of " + allowed);
    }

    <E extends Enum<E>> Set<E> enumValues(String field, List<String> raw, Class<E> type) {
        return values(field, raw, value -> enumValue(field, value, type));
    }

    String text(String field, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        if (text.length() > maxLength) {
            violation(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    Set<String> texts(String field, List<String> raw, int maxLength) {
        return values(field, raw, value -> text(field, value, maxLength));
    }

    Instant instant(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            violation(field, "must be an ISO-8601 time with offset, e.g. 2026-12-01T00:00:00Z");
            return null;
        }
    }

    int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violation("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        return DEFAULT_LIMIT;
    }

    /** The cursor's value and id when it is one and was made for {@code order}; null without a cursor. */
    PageCursor cursor(String raw, String order) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        PageCursor cursor = PageCursor.decode(raw.trim());
        if (cursor == null) {
            violation("cursor", NOT_A_CURSOR);
            return null;
        }
        if (!cursor.order().equals(order)) {
            violation("cursor", "was made for the order '" + cursor.order() + "', not '" + order + "'");
            return null;
        }
        return cursor;
    }

    void violation(String field, String message) {
        violations.add(Map.of("field", field, "message", message));
    }

    /** Ends the request with a 400 naming every mistake, if there was one. */
    void check() {
        if (violations.isEmpty()) {
            return;
        }
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message"))
                .collect(Collectors.joining("; "));
        throw new ProblemException(Problem.of(400, "invalid-request", "The request is not valid", detail)
                .with("violations", List.copyOf(violations)));
    }

    /** {@link UUID#fromString} also takes short forms like 1-1-1-1-1; only the canonical form is an id here. */
    private static UUID strictUuid(String text) {
        if (!UUID_PATTERN.matcher(text).matches()) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return UUID.fromString(text);
    }

    private <T> T parse(String field, String raw, Function<String, T> parser, String message) {
        if (raw == null || raw.isBlank()) {
            violation(field, "is required");
            return null;
        }
        try {
            return parser.apply(raw.trim());
        } catch (IllegalArgumentException e) {
            violation(field, message);
            return null;
        }
    }

    private <T> Set<T> values(String field, List<String> raw, Function<String, T> parser) {
        Set<T> values = new LinkedHashSet<>();
        if (raw == null) {
            return values;
        }
        raw.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .filter(value -> !value.isBlank())
                .map(parser)
                .filter(value -> value != null)
                .forEach(values::add);
        return values;
    }
}
