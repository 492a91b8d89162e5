package io.partnersync.problem;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Request bodies with a field the API does not know are refused (400), so a misspelt
 * optional field cannot silently change what a call does. Only the REST server is strict:
 * Kafka consumers and REST clients keep ignoring unknown fields, as additive changes need.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Singleton
public class StrictRequestBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    StrictRequestBodies(ObjectMapper quarkusMapper) {
        strict = quarkusMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
