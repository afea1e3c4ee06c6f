package org.healthcode.scan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.healthcode.kit.testing.ServiceFoundationContract;

@QuarkusTest
@QuarkusTestResource(ScanServiceResource.class)
class FoundationIT extends ServiceFoundationContract {
}
