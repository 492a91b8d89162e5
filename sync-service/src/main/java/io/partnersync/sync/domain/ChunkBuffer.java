package io.partnersync.sync.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream of people into chunks of at most {@code size}, numbered from 0, the last one
 * marked. A full chunk is held back until one more person arrives, so the last chunk is known
 * to be last when it goes out; a job with nobody still sends one empty, last chunk. Holds at most
 * {@code size + 1} items, however long the stream.
 */
public final class ChunkBuffer<T> {

    /** Receives each chunk in order. */
    @FunctionalInterface
    public interface Sink<T> {
        void chunk(int index, boolean last, List<T> items);
    }

    private final int size;
    private final Sink<T> sink;
    private List<T> buffer;
    private int nextIndex;
    private boolean finished;

    public ChunkBuffer(int size, Sink<T> sink) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.size = size;
        this.sink = sink;
        this.buffer = new ArrayList<>(size + 1);
    }

    public void add(T item) {
        if (finished) {
            throw new IllegalStateException("the last chunk was sent already");
        }
        buffer.add(item);
        if (buffer.size() > size) {
            List<T> full = new ArrayList<>(buffer.subList(0, size));
            List<T> rest = new ArrayList<>(size + 1);
            rest.add(buffer.get(size));
            buffer = rest;
            sink.chunk(nextIndex++, false, full);
        }
    }

    /** Sends what is left as the last chunk. */
    public void finish() {
        if (finished) {
            throw new IllegalStateException("the last chunk was sent already");
        }
        finished = true;
        sink.chunk(nextIndex++, true, buffer);
        buffer = List.of();
    }

    public int chunksSent() {
        return nextIndex;
    }
}
