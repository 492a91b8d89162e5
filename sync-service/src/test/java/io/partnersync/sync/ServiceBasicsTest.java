package io.partnersync.sync;

import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.ServiceBasicsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class ServiceBasicsTest extends ServiceBasicsContract {
}
