package io.partnersync.simulator.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Items by id and by position. A position is given once, on insert, and kept while the item
 * lives: cursors point at positions, so a cursor stays good while its item exists and dies with it.
 */
final class EntityTable<T> {

    private final String kind;
    private final Map<String, Long> positionById = new HashMap<>();
    private final NavigableMap<Long, T> byPosition = new TreeMap<>();
    private final NavigableMap<Long, T> readOnlyView = Collections.unmodifiableNavigableMap(byPosition);

    EntityTable(String kind) {
        this.kind = kind;
    }

    boolean contains(String id) {
        return positionById.containsKey(id);
    }

    T get(String id) {
        Long position = positionById.get(id);
        return position == null ? null : byPosition.get(position);
    }

    T existing(String id) {
        T item = get(id);
        if (item == null) {
            throw new NoSuchElementException("no " + kind + " '" + id + "'");
        }
        return item;
    }

    void add(String id, long position, T item) {
        Long boxed = position;
        if (positionById.putIfAbsent(id, boxed) != null) {
            throw new IllegalArgumentException("duplicate " + kind + " '" + id + "'");
        }
        byPosition.put(boxed, item);
    }

    void replace(String id, T item) {
        Long position = positionById.get(id);
        if (position == null) {
            throw new NoSuchElementException("no " + kind + " '" + id + "'");
        }
        byPosition.put(position, item);
    }

    T remove(String id) {
        Long position = positionById.remove(id);
        if (position == null) {
            throw new NoSuchElementException("no " + kind + " '" + id + "'");
        }
        return byPosition.remove(position);
    }

    NavigableMap<Long, T> byPosition() {
        return readOnlyView;
    }
}
