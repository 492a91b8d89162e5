package io.partnersync.testkit;

/**
 * Where the test infrastructure runs. In-process is the default and what CI uses: these
 * machines have no Docker. A developer with Docker can run the same suite on container
 * images with {@code -Dpartnersync.testkit.infra=containers}.
 */
public enum Infrastructure {
    IN_PROCESS,
    CONTAINERS;

    public static final String PROPERTY = "partnersync.testkit.infra";

    public static Infrastructure selected() {
        String value = System.getProperty(PROPERTY, "in-process");
        return switch (value) {
            case "in-process", "embedded" -> IN_PROCESS;
            case "containers", "testcontainers" -> CONTAINERS;
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be 'in-process' or 'containers', not '" + value + "'");
        };
    }
}
