package io.partnersync.partner;

import io.partnersync.partner.support.TokenVaultStubResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.ServiceBasicsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class ServiceBasicsTest extends ServiceBasicsContract {
}
