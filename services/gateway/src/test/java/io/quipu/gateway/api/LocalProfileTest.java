package io.quipu.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.platform.test.TestTokens;

/** The local run (profile {@code local}): plain http, so cookies without Secure, and the sandbox open for the demo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalProfileTest {

    private static final BackendStub SANDBOX = new BackendStub();
    private static final IdentityStandIn IDENTITY = new IdentityStandIn();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.sandbox.url", SANDBOX::baseUrl);
        registry.add("quipu.services.identity.url", IDENTITY::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwkSetUri());
        registry.add("quipu.security.issuer", () -> TestTokens.ISSUER);
    }

    @AfterAll
    static void stopStandIns() {
        SANDBOX.close();
        IDENTITY.close();
    }

    @Test
    void theCookiesAreNotSecureSoThatAPlainHttpBrowserSendsThemBack() {
        Browser browser = new Browser(port);
        HttpResponse<String> anonymous = browser.get("/bff/session");
        assertThat(anonymous.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .singleElement().satisfies(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));

        HttpResponse<String> login = browser.post("/bff/login", "{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("QUIPU_SESSION="))
                .singleElement().satisfies(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure")
                        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }

    @Test
    void theSandboxNeedsNoToken() {
        HttpResponse<String> response = new Browser(port).get("/api/sandbox/sms/latest-otp");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SANDBOX.lastRequest().path()).isEqualTo("/sms/latest-otp");
    }
}
