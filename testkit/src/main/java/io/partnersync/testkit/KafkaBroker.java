package io.partnersync.testkit;

import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, shared by every test class so that Quarkus restarts
 * between test classes do not restart Kafka, and by every class loader ({@link OnePerJvm}).
 */
public final class KafkaBroker {

    private static KafkaBroker shared;

    private final String bootstrapServers;
    private final Runnable stop;
    private final Runnable start;

    private KafkaBroker(String bootstrapServers, Runnable stop, Runnable start) {
        this.bootstrapServers = bootstrapServers;
        this.stop = stop;
        this.start = start;
    }

    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = OnePerJvm.heldElsewhere(KafkaBroker.class)
                    .map(held -> new KafkaBroker((String) OnePerJvm.call(held, "bootstrapServers"),
                            () -> OnePerJvm.call(held, "stopBroker"), () -> OnePerJvm.call(held, "startBroker")))
                    .orElseGet(() -> Infrastructure.selected() == Infrastructure.CONTAINERS ? startContainer() : startInProcess());
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Stops the broker but keeps its data and port, to test what happens while Kafka is down.
     * A container is paused: it keeps its mapped port, and clients get no answer until it is
     * unpaused.
     */
    public void stopBroker() {
        stop.run();
    }

    /** Starts the broker stopped by {@link #stopBroker()} again, on the same port with the same data. */
    public void startBroker() {
        start.run();
    }

    private static KafkaBroker startInProcess() {
        // The broker shares the test JVM: a broker thread that meets a fatal error must not end
        // the test run with its own exit code.
        Exit.setExitProcedure(KafkaBroker::refuseToEndTheJvm);
        Exit.setHaltProcedure(KafkaBroker::refuseToEndTheJvm);
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            Map.of(
                    "offsets.topic.replication.factor", "1",
                    "offsets.topic.num.partitions", "3",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    // A restarted broker re-registers only after its old session expired.
                    "broker.session.timeout.ms", "2000",
                    "broker.heartbeat.interval.ms", "500",
                    "auto.create.topics.enable", "true",
                    "num.partitions", "3")
                    .forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster), "kafka-broker-shutdown"));
            return new KafkaBroker(cluster.bootstrapServers(), () -> stopBrokers(cluster), () -> startBrokers(cluster));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-process Kafka broker", e);
        }
    }

    private static void stopBrokers(KafkaClusterTestKit cluster) {
        cluster.brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    private static void startBrokers(KafkaClusterTestKit cluster) {
        cluster.brokers().values().forEach(broker -> broker.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not come back", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            // The JVM is going away; a broker that does not stop cleanly changes nothing.
        }
    }

    private static void refuseToEndTheJvm(int status, String message) {
        IllegalStateException refused = new IllegalStateException(
                "The in-process Kafka broker asked to end the JVM with status " + status + " (" + message + ")");
        // Who asked is in the first frames; the rest is the thread's own machinery.
        System.err.println(refused.getMessage() + ", refused; thread " + Thread.currentThread().getName());
        Arrays.stream(refused.getStackTrace()).limit(8).forEach(frame -> System.err.println("\tat " + frame));
        throw refused;
    }

    private static KafkaBroker startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-shutdown"));
        return new KafkaBroker(container.getBootstrapServers(),
                () -> DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec(),
                () -> DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec());
    }
}
