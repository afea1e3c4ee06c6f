package org.healthcode.trace;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.healthcode.kit.testing.ServiceFoundationContract;

@QuarkusTest
@QuarkusTestResource(TraceServiceResource.class)
class FoundationIT extends ServiceFoundationContract {
}
