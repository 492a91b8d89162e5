package io.partnersync.userdirectory.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorReadsBackAsWritten() {
        PageCursor cursor = new PageCursor("-lastSeen", "2026-12-03T10:15:30.123456Z", "7f0c1f6e-3a9b-4c55-9a51-3c1d8e0b9a10");
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anythingElseIsNoCursor() {
        assertThat(PageCursor.decode("not a cursor")).isNull();
        assertThat(PageCursor.decode("e30")).isNull();
        assertThat(PageCursor.decode("WzEsMl0")).isNull();
        assertThat(PageCursor.decode("")).isNull();
    }
}
