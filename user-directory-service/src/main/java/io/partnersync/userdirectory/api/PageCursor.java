package io.partnersync.userdirectory.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An opaque page cursor: base64url of {@code {"order", "value", "id"}}, where order names
 * the sort the cursor was made for (a cursor only continues the order it came from).
 */
record PageCursor(String order, String value, String id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a page cursor", e);
        }
    }

    /** The cursor, or null when the text is not one. */
    static PageCursor decode(String text) {
        try {
            PageCursor cursor = JSON.readValue(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)),
                    PageCursor.class);
            return cursor.order() == null || cursor.value() == null || cursor.id() == null ? null : cursor;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
