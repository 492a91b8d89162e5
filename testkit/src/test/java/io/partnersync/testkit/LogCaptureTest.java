package io.partnersync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class LogCaptureTest {

    @Test
    void findsASecretHiddenInALogParameterOrException() {
        try (LogCapture logs = LogCapture.start()) {
            Logger logger = Logger.getLogger("io.partnersync.example");
            logger.log(Level.INFO, "calling Meta with {0}", "EAAsecret-one");
            logger.log(Level.WARNING, "failed", new IllegalStateException("token EAAsecret-two rejected"));

            assertThrows(AssertionError.class, () -> logs.assertNeverLogged("EAAsecret-one"));
            assertThrows(AssertionError.class, () -> logs.assertNeverLogged("EAAsecret-two"));
            logs.assertNeverLogged("EAAnever-logged");
            assertEquals(1, logs.linesContaining("EAAsecret-two").size());
        }
    }
}
