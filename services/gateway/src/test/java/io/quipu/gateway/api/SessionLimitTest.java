package io.quipu.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions are bounded: with room for one, a second login is answered 503 instead of growing the memory. In order:
 * the wrong password first, whose session must be gone again for the one slot to be free for the login after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quipu.gateway.session.max-active-sessions=1")
class SessionLimitTest {

    private static final IdentityStandIn IDENTITY = new IdentityStandIn();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.identity.url", IDENTITY::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwkSetUri());
        registry.add("quipu.security.issuer", () -> TestTokens.ISSUER);
    }

    @AfterAll
    static void stopStandIn() {
        IDENTITY.close();
    }

    @Test
    @Order(1)
    void aWrongPasswordLeavesNoSessionBehind() {
        Browser browser = new Browser(port);
        browser.get("/bff/session");
        assertThat(browser.post("/bff/login", "{\"username\":\"demo.ana\",\"password\":\"wrong\"}").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aLoginBeyondTheSessionLimitIsAProblemNotAnError() {
        String login = "{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}";
        Browser first = new Browser(port);
        first.get("/bff/session");
        assertThat(first.post("/bff/login", login).statusCode()).isEqualTo(200);

        Browser second = new Browser(port);
        second.get("/bff/session");
        HttpResponse<String> refused = second.post("/bff/login", login);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(JsonMapper.builder().build().readTree(refused.body()).get("code").asString()).isEqualTo("too_many_sessions");
        assertThat(IDENTITY.loginUsernames()).as("no SMS for a login that cannot go on").hasSize(2);
    }
}
