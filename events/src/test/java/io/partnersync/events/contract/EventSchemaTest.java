package io.partnersync.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.partnersync.events.EventType;
import io.partnersync.events.PartnersyncEvent;

/** Every event record serializes to JSON its published schema accepts, and back. */
class EventSchemaTest {

    /** Configured as Quarkus configures its ObjectMapper: ISO-8601 dates, nulls written. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void completeEventMatchesItsSchema(EventType type) throws Exception {
        PartnersyncEvent event = SampleEvents.complete(type);
        assertEveryComponentIsSet(event);

        assertThat(validate(type, JSON.valueToTree(event))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventWithOptionalFieldsEmptyMatchesItsSchema(EventType type) {
        assertThat(validate(type, JSON.valueToTree(SampleEvents.withOptionalFieldsEmpty(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventSurvivesTheJsonRoundTrip(EventType type) throws Exception {
        PartnersyncEvent event = SampleEvents.complete(type);

        assertThat(JSON.readValue(JSON.writeValueAsString(event), type.recordClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRefusesAPayloadWithoutItsWorkspaceOrWithAnUndocumentedField(EventType type) {
        ObjectNode withoutWorkspace = JSON.valueToTree(SampleEvents.complete(type));
        withoutWorkspace.remove("workspaceId");
        ObjectNode withExtraField = JSON.valueToTree(SampleEvents.complete(type));
        withExtraField.put("token", "EAAsomething");

        assertThat(validate(type, withoutWorkspace)).isNotEmpty();
        assertThat(validate(type, withExtraField)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noEventCarriesAToken(EventType type) {
        for (RecordComponent component : type.recordClass().getRecordComponents()) {
            String name = component.getName().toLowerCase();
            assertThat(name.equals("token") || name.endsWith("accesstoken") || name.equals("secret"))
                    .as("%s.%s", type.recordClass().getSimpleName(), component.getName()).isFalse();
        }
    }

    private static Set<ValidationMessage> validate(EventType type, JsonNode json) {
        return schema(type).validate(json);
    }

    private static JsonSchema schema(EventType type) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream schema = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(schema).as(type.schemaResource()).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema, config);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertEveryComponentIsSet(PartnersyncEvent event) throws Exception {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            assertThat(component.getAccessor().invoke(event))
                    .as("sample %s.%s", event.getClass().getSimpleName(), component.getName()).isNotNull();
        }
    }
}
