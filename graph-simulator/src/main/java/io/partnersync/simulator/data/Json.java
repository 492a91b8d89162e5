package io.partnersync.simulator.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper: absent values are left out, as Graph leaves them out. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }
}
