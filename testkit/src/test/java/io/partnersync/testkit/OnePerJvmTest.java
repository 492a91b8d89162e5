package io.partnersync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Quarkus loads the test kit again for each test profile, as this test does. */
class OnePerJvmTest {

    @Test
    void aCopyOfTheTestKitInAnotherClassLoaderUsesTheSameBrokerAndDatabaseServer() throws Exception {
        try (URLClassLoader copy = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> brokerCopy = copy.loadClass(KafkaBroker.class.getName());
            assertNotSame(KafkaBroker.class, brokerCopy);
            Object broker = brokerCopy.getMethod("shared").invoke(null);
            assertEquals(KafkaBroker.shared().bootstrapServers(), brokerCopy.getMethod("bootstrapServers").invoke(broker));

            Class<?> postgresCopy = copy.loadClass(PostgresServer.class.getName());
            Object postgres = postgresCopy.getMethod("shared").invoke(null);
            assertEquals(PostgresServer.shared().jdbcUrl("one_per_jvm"),
                    postgresCopy.getMethod("jdbcUrl", String.class).invoke(postgres, "one_per_jvm"));
        }
    }

    private static URL[] testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator)).map(OnePerJvmTest::url).toArray(URL[]::new);
    }

    private static URL url(String path) {
        try {
            return new File(path).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }
}
