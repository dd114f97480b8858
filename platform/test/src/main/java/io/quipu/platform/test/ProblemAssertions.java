package io.quipu.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every service answers to bad input: an RFC 9457 problem detail with a stable code and field errors. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {
    }

    /**
     * The response is a problem ({@code application/problem+json}) with the status, and with the code when one is given.
     *
     * @return the problem, for more checks
     */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        if (code != null) {
            assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        }
        return problem;
    }

    /** A 400 {@code validation_failed} whose field errors name {@code field}. */
    public static JsonNode assertFieldError(HttpResponse<String> response, String field) {
        JsonNode problem = assertProblem(response, 400, "validation_failed");
        Set<String> fields = new HashSet<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
        return problem;
    }
}
