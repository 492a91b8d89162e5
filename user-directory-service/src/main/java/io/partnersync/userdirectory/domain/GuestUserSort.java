package io.partnersync.userdirectory.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * A sort order of the list; ties are broken by id, so (key, id) is a total order and a
 * page can start right after the last row of the previous one (keyset paging). Each key
 * has an index ending in {@code id}.
 */
public record GuestUserSort(Key key, boolean descending) {

    public static final GuestUserSort DEFAULT = new GuestUserSort(Key.NAME, false);

    public enum Key {
        NAME("name", "lower(coalesce(g.name, ''))", "text"),
        EMAIL("email", "lower(coalesce(g.email, ''))", "text"),
        ROLE("role", "coalesce(g.role, '')", "text"),
        LAST_SEEN("lastSeen", "g.last_seen_at", "timestamptz"),
        FIRST_SEEN("firstSeen", "g.first_seen_at", "timestamptz");

        private final String apiName;
        private final String expression;
        private final String sqlType;

        Key(String apiName, String expression, String sqlType) {
            this.apiName = apiName;
            this.expression = expression;
            this.sqlType = sqlType;
        }

        public String apiName() {
            return apiName;
        }

        String expression() {
            return expression;
        }

        String sqlType() {
            return sqlType;
        }

        /** Sort values of a time key travel in cursors as ISO-8601 instants. */
        public boolean temporal() {
            return sqlType.equals("timestamptz");
        }

        public static Optional<Key> ofApiName(String name) {
            return Arrays.stream(values()).filter(key -> key.apiName.equals(name)).findFirst();
        }
    }

    /** {@code name}, or {@code -lastSeen} for descending. */
    public String apiName() {
        return (descending ? "-" : "") + key.apiName;
    }

    /** Where a page starts: after the row with this sort value and id. */
    public record Position(String value, UUID id) {
    }
}
