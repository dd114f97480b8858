package io.quipu.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.platform.test.TestTokens;

/**
 * The gateway serves the web app (module {@code web}, built by npm into static/): its page at {@code /} with the
 * security headers of the app, and its script and style files, without any session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppTest {

    private static final IdentityStandIn IDENTITY = new IdentityStandIn();
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.(?:js|css))\"");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.identity.url", IDENTITY::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwkSetUri());
        registry.add("quipu.security.issuer", () -> TestTokens.ISSUER);
    }

    @AfterAll
    static void stopStandIns() {
        IDENTITY.close();
    }

    @Test
    void theAppsPageAndItsFilesAreServedWithTheAppsSecurityHeaders() {
        Browser browser = new Browser(port);
        HttpResponse<String> page = browser.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"root\">");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "script-src 'self'").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        Matcher assets = ASSET.matcher(page.body());
        int served = 0;
        while (assets.find()) {
            HttpResponse<String> asset = browser.get(assets.group(1));
            assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
            served++;
        }
        assertThat(served).as("the page's script and style files").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPathThatIsNeitherTheAppNorTheApiIsAProblemNotAPage() {
        HttpResponse<String> missing = new Browser(port).get("/assets/no-such-file.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
