package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the simulator serves: the app, businesses, assets, people, assignments and tokens.
 * The JSON form is documented in the module README. Referential integrity is checked when a
 * simulator loads it, not here, so a data set can be built piece by piece.
 */
public record DataSet(
        App app,
        List<Business> businesses,
        List<Asset> assets,
        List<BusinessUser> businessUsers,
        List<SystemUser> systemUsers,
        List<PendingUser> pendingUsers,
        List<Assignment> assignments,
        List<Token> tokens) {

    private static final String DEMO_RESOURCE = "/datasets/demo.json";

    public DataSet {
        requireNonNull(app, "app");
        businesses = copyOf(businesses);
        assets = copyOf(assets);
        businessUsers = copyOf(businessUsers);
        systemUsers = copyOf(systemUsers);
        pendingUsers = copyOf(pendingUsers);
        assignments = copyOf(assignments);
        tokens = copyOf(tokens);
    }

    /** The shipped demo: Acme Retail, three partner agencies and the tokens listed in the README. */
    public static DataSet demo() {
        try (InputStream json = DataSet.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(DEMO_RESOURCE + " is missing from the classpath");
            }
            return load(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DataSet load(Path file) {
        try (InputStream json = Files.newInputStream(file)) {
            return load(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data set " + file, e);
        }
    }

    public static DataSet load(InputStream json) {
        try {
            return Json.MAPPER.readValue(json, DataSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid data set: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a data set always serializes", e);
        }
    }

    /** Business users, system users and pending invites together. */
    public int peopleCount() {
        return businessUsers.size() + systemUsers.size() + pendingUsers.size();
    }

    private static <T> List<T> copyOf(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
