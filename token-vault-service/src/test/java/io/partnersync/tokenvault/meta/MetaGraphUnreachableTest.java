package io.partnersync.tokenvault.meta;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.LogCapture;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.tokenvault.config.MetaConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Meta not listening at all: the client reports it as unavailable (503 at the API), quoting no URL. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class MetaGraphUnreachableTest {

    @Inject
    MetaConfig config;

    @Test
    void aClosedPortIsMetaUnavailable() throws IOException {
        GraphApi closed = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create("http://127.0.0.1:" + closedPort()))
                .build(GraphApi.class);
        MetaGraph meta = new MetaGraph(closed, config);

        try (LogCapture logs = LogCapture.start()) {
            assertThatThrownBy(() -> meta.debugToken(DemoData.BRIGHTLINE_TOKEN))
                    .isInstanceOf(MetaTransientException.class)
                    .hasMessage("Meta could not be reached")
                    .hasNoCause();
            assertThatThrownBy(() -> meta.me(DemoData.BRIGHTLINE_TOKEN))
                    .isInstanceOf(MetaUnavailableException.class)
                    .hasMessageNotContaining(DemoData.BRIGHTLINE_TOKEN);
            logs.assertNeverLogged(DemoData.BRIGHTLINE_TOKEN);
            logs.assertNeverLogged(DemoData.APP_SECRET);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
