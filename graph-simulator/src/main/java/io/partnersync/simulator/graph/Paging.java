package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * Cursor paging as Graph does it. A cursor is opaque to clients; inside it is the cursor epoch and
 * the position of an item (see {@code EntityTable}). It is refused with 2642 once its item is gone or
 * the epoch moved on. {@code next} and {@code previous} appear only where there is something to get,
 * except for the empty-page quirk: with it on, the first page's {@code next} leads to an empty page
 * whose own {@code next} resumes the listing.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 25;

    private final int cursorEpoch;
    private final int maxLimit;
    private final int reduceDataAboveLimit;
    private final boolean emptyPageQuirk;

    Paging(int cursorEpoch, int maxLimit, int reduceDataAboveLimit, boolean emptyPageQuirk) {
        this.cursorEpoch = cursorEpoch;
        this.maxLimit = maxLimit;
        this.reduceDataAboveLimit = reduceDataAboveLimit;
        this.emptyPageQuirk = emptyPageQuirk;
    }

    /** {@code limit}, {@code after} and {@code before} as the client sent them (any may be null). */
    record PageRequest(int limit, String after, String before) {
    }

    /** Where paging links point: the edge's own URL with the call's parameters. */
    record Links(String baseUrl, String versionPrefix, String path, Map<String, String> params) {

        String to(int limit, String cursorName, String cursor) {
            Map<String, String> params = new LinkedHashMap<>(params());
            params.remove("limit");
            params.remove("after");
            params.remove("before");
            params.put("limit", String.valueOf(limit));
            params.put(cursorName, cursor);
            return baseUrl + versionPrefix + path + "?" + QueryString.encode(params);
        }
    }

    private record Page<T>(List<T> items, String before, String after, String previous, String next) {
    }

    private record Cursor(int epoch, long position, boolean toEmptyPage) {

        String encode() {
            String text = epoch + ":" + position + (toEmptyPage ? ":empty" : "");
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String encoded) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(":");
                if (parts.length < 2 || parts.length > 3) {
                    throw GraphError.invalidCursor();
                }
                return new Cursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts.length == 3);
            } catch (IllegalArgumentException malformed) {
                throw GraphError.invalidCursor();
            }
        }
    }

    PageRequest request(String limit, String after, String before) {
        int requested = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                requested = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw GraphError.invalidParameter("Param limit must be a number");
            }
        }
        if (reduceDataAboveLimit > 0 && requested > reduceDataAboveLimit) {
            throw GraphError.reduceData();
        }
        return new PageRequest(Math.max(1, Math.min(requested, maxLimit)), after, before);
    }

    /** One page of {@code listing} as Graph's {@code {data, paging, summary?}}. */
    <T> ObjectNode respond(NavigableMap<Long, T> listing, PageRequest request, Links links, boolean withTotalCount,
            Function<T, JsonNode> render) {
        Page<T> page = page(listing, request);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        page.items().forEach(item -> data.add(render.apply(item)));
        if (page.before() != null) {
            ObjectNode paging = body.putObject("paging");
            paging.putObject("cursors").put("before", page.before()).put("after", page.after());
            if (page.previous() != null) {
                paging.put("previous", links.to(request.limit(), "before", page.previous()));
            }
            if (page.next() != null) {
                paging.put("next", links.to(request.limit(), "after", page.next()));
            }
        }
        if (withTotalCount) {
            body.putObject("summary").put("total_count", listing.size());
        }
        return body;
    }

    private <T> Page<T> page(NavigableMap<Long, T> listing, PageRequest request) {
        if (request.after() != null) {
            Cursor after = validCursor(listing, request.after());
            if (after.toEmptyPage()) {
                String resume = new Cursor(cursorEpoch, after.position(), false).encode();
                boolean more = listing.higherKey(after.position()) != null;
                return new Page<>(List.of(), resume, resume, null, more ? resume : null);
            }
            return forward(listing.tailMap(after.position(), false), request.limit(), true, false);
        }
        if (request.before() != null) {
            Cursor before = validCursor(listing, request.before());
            return backward(listing.headMap(before.position(), false), request.limit());
        }
        return forward(listing, request.limit(), false, emptyPageQuirk);
    }

    private Cursor validCursor(NavigableMap<Long, ?> listing, String encoded) {
        Cursor cursor = Cursor.decode(encoded);
        if (cursor.epoch() != cursorEpoch || !listing.containsKey(cursor.position())) {
            throw GraphError.invalidCursor();
        }
        return cursor;
    }

    private <T> Page<T> forward(NavigableMap<Long, T> from, int limit, boolean hasPrevious, boolean nextToEmptyPage) {
        List<T> items = new ArrayList<>(Math.min(limit, from.size()));
        Iterator<Map.Entry<Long, T>> entries = from.entrySet().iterator();
        long first = 0;
        long last = 0;
        while (entries.hasNext() && items.size() < limit) {
            Map.Entry<Long, T> entry = entries.next();
            if (items.isEmpty()) {
                first = entry.getKey();
            }
            last = entry.getKey();
            items.add(entry.getValue());
        }
        if (items.isEmpty()) {
            return new Page<>(items, null, null, null, null);
        }
        String next = null;
        if (nextToEmptyPage) {
            next = new Cursor(cursorEpoch, last, true).encode();
        } else if (entries.hasNext()) {
            next = cursor(last);
        }
        return new Page<>(items, cursor(first), cursor(last), hasPrevious ? cursor(first) : null, next);
    }

    private <T> Page<T> backward(NavigableMap<Long, T> upTo, int limit) {
        List<T> items = new ArrayList<>(Math.min(limit, upTo.size()));
        Iterator<Map.Entry<Long, T>> entries = upTo.descendingMap().entrySet().iterator();
        long first = 0;
        long last = 0;
        while (entries.hasNext() && items.size() < limit) {
            Map.Entry<Long, T> entry = entries.next();
            if (items.isEmpty()) {
                last = entry.getKey();
            }
            first = entry.getKey();
            items.add(entry.getValue());
        }
        if (items.isEmpty()) {
            return new Page<>(items, null, null, null, null);
        }
        Collections.reverse(items);
        return new Page<>(items, cursor(first), cursor(last), entries.hasNext() ? cursor(first) : null, cursor(last));
    }

    private String cursor(long position) {
        return new Cursor(cursorEpoch, position, false).encode();
    }
}
