package org.healthcode.codeissuer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.healthcode.kit.testing.ServiceFoundationContract;

@QuarkusTest
@QuarkusTestResource(CodeIssuerTestResource.class)
class FoundationIT extends ServiceFoundationContract {
}
