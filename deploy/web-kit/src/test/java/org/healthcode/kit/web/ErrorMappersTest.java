package org.healthcode.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OIDCException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers();
    private final ObjectMapper json = StrictJson.configure(new ObjectMapper());

    record Registration(String name, int doses) {
    }

    record Travel(String regionCode, String from) {
    }

    record Declaration(List<Travel> travel, Double temperature, Boolean contactWithCase) {
    }

    @Test
    void aTokenThatCannotBeCheckedWhileTheIdentityProviderIsAwayIsA503ToRetryNotA500() {
        Response response = new ErrorMappers().identityProviderUnavailable(
                new OIDCException("OIDC Server is not available", new ConnectException()));
        assertEquals(503, response.getStatus());
        assertEquals("IDENTITY_PROVIDER_UNAVAILABLE", error(response).error());
        assertEquals(ErrorMappers.RETRY_AFTER_SECONDS, response.getHeaderString("Retry-After"));
    }

    @Test
    void bodyThatIsNotJsonIsA400MalformedJson() {
        Response response = unreadable("{\"name\": ");
        assertEquals(400, response.getStatus());
        assertEquals("MALFORMED_JSON", error(response).error());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithoutEchoingItsValue() {
        Response response = unreadable("{\"name\": \"张三\", \"doses\": \"330102199001011234\"}");
        ApiError error = error(response);
        assertEquals(400, response.getStatus());
        assertEquals("VALIDATION_FAILED", error.error());
        assertEquals(List.of(new ApiError.Detail("doses", "must be a number")), error.details());
        assertFalse(error.toString().contains("330102199001011234"), "the value stays out of the error");
    }

    @Test
    void aNumberBooleanListOrObjectWhereTextBelongsIsRefusedNotTurnedIntoText() {
        for (String phone : new String[] {"13900000007", "1.5", "true", "[\"13900000007\"]", "{\"n\": 1}"}) {
            Response response = unreadable("{\"name\": " + phone + ", \"doses\": 1}");
            ApiError error = error(response);
            assertEquals(400, response.getStatus(), phone);
            assertEquals("VALIDATION_FAILED", error.error(), phone);
            assertEquals(List.of(new ApiError.Detail("name", "must be a string")), error.details(), phone);
            assertFalse(error.toString().contains("13900000007"), "the value stays out of the error");
        }
    }

    @Test
    void textOrAFractionWhereANumberBelongsIsRefusedNotConverted() {
        assertEquals(List.of(new ApiError.Detail("doses", "must be a number")),
                error(unreadable("{\"name\": \"x\", \"doses\": \"2\"}")).details());
        assertEquals(List.of(new ApiError.Detail("doses", "must be a number")),
                error(unreadable("{\"name\": \"x\", \"doses\": 2.7}")).details());
    }

    @Test
    void aNestedFieldIsNamedAsTheValidatorsNameIt() {
        assertEquals(List.of(new ApiError.Detail("travel[1].from", "must be a string")), error(unreadable(
                "{\"travel\": [{\"from\": \"2026-11-20\"}, {\"from\": 20261120}]}", Declaration.class)).details());
        assertEquals(List.of(new ApiError.Detail("temperature", "must be a number")),
                error(unreadable("{\"temperature\": \"36.5\"}", Declaration.class)).details());
        assertEquals(List.of(new ApiError.Detail("contactWithCase", "must be true or false")),
                error(unreadable("{\"contactWithCase\": \"false\"}", Declaration.class)).details());
        assertEquals(List.of(new ApiError.Detail("travel", "must be a list")),
                error(unreadable("{\"travel\": \"420106\"}", Declaration.class)).details());
    }

    @Test
    void aBodyOfTheWrongJsonTypeIsNamedAsTheBody() {
        assertEquals(List.of(new ApiError.Detail("body", "must be an object")),
                error(unreadable("[1, 2]", Declaration.class)).details());
    }

    @Test
    void anUnexpectedFailureIsA500ThatNeverRepeatsItsMessage() {
        Response response = mappers.unexpected(new IllegalStateException("lookup failed for 张三 330102199001011234"));
        ApiError error = error(response);
        assertEquals(500, response.getStatus());
        assertEquals("INTERNAL", error.error());
        assertFalse(error.toString().contains("张三"));
        assertFalse(error.toString().contains("330102199001011234"));
    }

    @Test
    void aRefusalKeepsItsStatusCodeAndDetails() {
        Response response = mappers.api(ApiException.invalid(List.of(new ApiError.Detail("temperature", "out of range"))));
        assertEquals(400, response.getStatus());
        assertEquals("temperature", error(response).details().get(0).field());
    }

    private Response unreadable(String body) {
        return unreadable(body, Registration.class);
    }

    private Response unreadable(String body, Class<?> type) {
        try {
            json.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return mappers.unreadable(e);
        }
        throw new AssertionError("body was readable: " + body);
    }

    private static ApiError error(Response response) {
        return (ApiError) response.getEntity();
    }

    @Test
    void aFailureThatADependencyIsAwayIsA503WithRetryAfterAndAnyOtherA500() {
        ErrorMappers withoutAny = new ErrorMappers();
        Unavailability away = failure -> failure instanceof java.net.ConnectException;
        ErrorMappers mappers = new ErrorMappers(List.of(away));
        Response unavailable = mappers.unexpected(new java.net.ConnectException("refused"));
        assertEquals(503, unavailable.getStatus());
        assertEquals("SERVICE_UNAVAILABLE", error(unavailable).error());
        assertEquals("5", unavailable.getHeaderString("Retry-After"));
        assertEquals(500, mappers.unexpected(new IllegalStateException("broken")).getStatus());
        assertEquals(500, withoutAny.unexpected(new java.net.ConnectException("refused")).getStatus());
    }
}
