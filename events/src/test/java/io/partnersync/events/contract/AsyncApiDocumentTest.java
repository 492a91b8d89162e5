package io.partnersync.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnersync.events.EventType;
import io.partnersync.events.Topics;

/**
 * The AsyncAPI document describes exactly the events the code publishes. (Whether it is
 * valid AsyncAPI is checked by {@code asyncapi validate} in CI.)
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");
    private static JsonNode asyncApi;

    @BeforeAll
    static void read() throws Exception {
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventHasItsTopicItsDeadLetterTopicAndItsSchema(EventType type) {
        String name = type.recordClass().getSimpleName();
        JsonNode message = asyncApi.at("/components/messages/" + name);

        assertThat(addresses()).contains(type.topic(), Topics.deadLetterTopicOf(type.topic()));
        assertThat(message.isMissingNode()).as("message %s", name).isFalse();
        assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText()).isEqualTo(type.cloudEventType());
        String schemaRef = message.at("/payload/schema/$ref").asText();
        assertThat(schemaRef).isEqualTo("./src/main/resources/" + type.schemaResource());
        assertThat(Files.exists(DOCUMENT.resolveSibling(schemaRef))).as(schemaRef).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventHasAProducer(EventType type) {
        String name = type.recordClass().getSimpleName();

        assertThat(asyncApi.at("/operations/send" + name + "/action").asText()).isEqualTo("send");
    }

    private static List<String> addresses() {
        List<String> addresses = new ArrayList<>();
        asyncApi.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        return addresses;
    }
}
