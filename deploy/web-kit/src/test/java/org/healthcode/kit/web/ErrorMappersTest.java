package org.healthcode.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers();
    private final ObjectMapper json = new ObjectMapper();

    record Registration(String name, int doses) {
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
        assertEquals(List.of(new ApiError.Detail("doses", "has the wrong format or value")), error.details());
        assertFalse(error.toString().contains("330102199001011234"), "the value stays out of the error");
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
        try {
            json.readValue(body, Registration.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return mappers.unreadable(e);
        }
        throw new AssertionError("body was readable: " + body);
    }

    private static ApiError error(Response response) {
        return (ApiError) response.getEntity();
    }
}
