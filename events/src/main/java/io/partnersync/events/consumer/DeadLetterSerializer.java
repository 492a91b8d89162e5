package io.partnersync.events.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes a dead letter's body. A record that could not be deserialized arrives as its raw
 * bytes and is kept as is; a record whose handler failed arrives as the event record and is
 * written back as the same JSON it came as.
 */
public class DeadLetterSerializer implements Serializer<Object> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            return String.valueOf(data).getBytes(StandardCharsets.UTF_8);
        }
    }
}
