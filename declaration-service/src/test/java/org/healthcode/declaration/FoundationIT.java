package org.healthcode.declaration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.healthcode.kit.testing.ServiceFoundationContract;

@QuarkusTest
@QuarkusTestResource(DeclarationServiceResource.class)
class FoundationIT extends ServiceFoundationContract {
}
