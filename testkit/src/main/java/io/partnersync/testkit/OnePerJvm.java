package io.partnersync.testkit;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Makes a test-kit server one per JVM, not one per class loader.
 *
 * <p>Quarkus loads the test kit again in a new class loader for every test profile it restarts
 * with, and a static field holds one value per class loader: a module with two test profiles
 * started three Kafka brokers in one JVM, which talked across each other. Every copy of a
 * server class therefore asks the system class loader's copy, the only one that starts the
 * server. Copies share nothing but JDK types, so they talk to it by reflection.
 */
final class OnePerJvm {

    private OnePerJvm() {
    }

    /** The server of the system class loader's copy of {@code type}, or empty when {@code type} is that copy. */
    static Optional<Object> heldElsewhere(Class<?> type) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (type.getClassLoader() == system) {
            return Optional.empty();
        }
        try {
            return Optional.of(invoke(system.loadClass(type.getName()), null, "shared"));
        } catch (ClassNotFoundException e) {
            // Not on the system class path (not a surefire JVM): this copy is the only one.
            return Optional.empty();
        }
    }

    /** Calls a public method of the holding copy's server. */
    static Object call(Object server, String method, Object... arguments) {
        return invoke(server.getClass(), server, method, arguments);
    }

    /**
     * Runs with the holding copy's class loader as the thread's context loader: Kafka loads
     * classes by name through it, and threads the server starts keep it.
     */
    private static Object invoke(Class<?> type, Object target, String method, Object... arguments) {
        Class<?>[] parameterTypes = new Class<?>[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            parameterTypes[i] = arguments[i].getClass();
        }
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(type.getClassLoader());
        try {
            return type.getMethod(method, parameterTypes).invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(type.getSimpleName() + "." + method + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + type.getSimpleName() + "." + method, e);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }
}
