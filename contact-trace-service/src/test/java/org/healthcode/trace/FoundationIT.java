package org.healthcode.trace;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.kit.testing.ServiceFoundationContract;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class FoundationIT extends ServiceFoundationContract {
}
