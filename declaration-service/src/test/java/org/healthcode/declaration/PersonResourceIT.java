package org.healthcode.declaration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.healthcode.infra.testing.RealInfraResource;
import org.healthcode.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class PersonResourceIT {

    @Inject
    Pool pool;

    @Test
    void anAccountWithoutRegistrationIsNotRegistered() {
        given().auth().oauth2(TestTokens.citizen("account-" + UUID.randomUUID()))
                .get("/v1/persons/me")
                .then().statusCode(404).body("error", equalTo("NOT_REGISTERED"));
    }

    @Test
    void aRegisteredAccountSeesItsPseudonym() {
        String account = "account-" + UUID.randomUUID();
        String pseudonym = "pseudonym-" + UUID.randomUUID();
        pool.preparedQuery("insert into person (id, account_subject, subject_id) values ($1, $2, $3)")
                .execute(Tuple.of(UUID.randomUUID(), account, pseudonym)).await().atMost(Duration.ofSeconds(5));

        given().auth().oauth2(TestTokens.citizen(account))
                .get("/v1/persons/me")
                .then().statusCode(200).body("subjectId", equalTo(pseudonym));
    }

    @Test
    void onlyCitizensHaveAProfile() {
        given().auth().oauth2(TestTokens.staff("staff-1", "checkpoint", "330000"))
                .get("/v1/persons/me")
                .then().statusCode(403);
    }
}
