package io.partnersync.localsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) in its own
 * JVM, on this launcher's classpath. Its data survives a restart of the launcher.
 */
final class KafkaServer implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private KafkaServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaServer start(Path home, int port, int controllerPort, Path logs) throws IOException, InterruptedException {
        Path dataDir = home.resolve("data");
        Path config = home.resolve("server.properties");
        Files.createDirectories(dataDir);
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=5242880",
                ""));
        List<String> jvm = List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + log4jConfig(home).toAbsolutePath());
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            ManagedProcess format = ManagedProcess.startJava("kafka-format", jvm,
                    List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                            "-c", config.toString()),
                    Map.of(), logs.resolve("kafka-format.log"));
            format.awaitExit(Duration.ofSeconds(60));
        }
        ManagedProcess broker = ManagedProcess.startJava("kafka", jvm, List.of("kafka.Kafka", config.toString()),
                Map.of(), logs.resolve("kafka.log"));
        broker.awaitLogLine("Kafka Server started", Duration.ofSeconds(90));
        return new KafkaServer(broker, port);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    ManagedProcess process() {
        return process;
    }

    private static Path log4jConfig(Path home) throws IOException {
        Path file = home.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.console.ref=console",
                "appender.console.type=Console",
                "appender.console.name=console",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=%d %-5p [%c{1}] %m%n",
                ""));
        return file;
    }

    @Override
    public void close() {
        process.close();
    }
}
