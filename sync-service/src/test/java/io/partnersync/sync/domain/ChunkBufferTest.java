package io.partnersync.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChunkBufferTest {

    record Chunk(int index, boolean last, List<Integer> items) {
    }

    private final List<Chunk> sent = new ArrayList<>();
    private final ChunkBuffer<Integer> buffer = new ChunkBuffer<>(3, (index, last, items) -> sent.add(new Chunk(index, last, List.copyOf(items))));

    @Test
    void aFullChunkWaitsForOneMoreItemSoTheLastOneIsKnownToBeLast() {
        IntStream.range(0, 3).forEach(buffer::add);
        assertThat(sent).isEmpty();

        buffer.finish();

        assertThat(sent).containsExactly(new Chunk(0, true, List.of(0, 1, 2)));
    }

    @Test
    void itemsAreCutInOrderIntoNumberedChunksWithOnlyTheLastMarked() {
        IntStream.range(0, 8).forEach(buffer::add);
        buffer.finish();

        assertThat(sent).containsExactly(
                new Chunk(0, false, List.of(0, 1, 2)),
                new Chunk(1, false, List.of(3, 4, 5)),
                new Chunk(2, true, List.of(6, 7)));
        assertThat(buffer.chunksSent()).isEqualTo(3);
    }

    @Test
    void nobodyAtAllStillSendsOneEmptyLastChunk() {
        buffer.finish();

        assertThat(sent).containsExactly(new Chunk(0, true, List.of()));
    }

    @Test
    void nothingIsAcceptedAfterTheLastChunk() {
        buffer.finish();

        assertThatThrownBy(() -> buffer.add(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(buffer::finish).isInstanceOf(IllegalStateException.class);
    }
}
