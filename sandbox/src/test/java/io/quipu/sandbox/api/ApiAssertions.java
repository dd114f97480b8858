package io.quipu.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The checks every API test makes on problem details. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    static void assertProblem(HttpTestClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo(code);
    }

    /** A 400 validation problem naming this field with this code (among its field errors). */
    static void assertFieldError(HttpTestClient.Reply reply, String field, String code) {
        assertProblem(reply, 400, "validation_failed");
        List<String> errors = new ArrayList<>();
        for (JsonNode error : reply.json().get("errors")) {
            errors.add(error.get("field").asString() + "/" + error.get("code").asString());
        }
        assertThat(errors).as(reply.text()).contains(field + "/" + code);
    }
}
