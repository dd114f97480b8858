package io.quipu.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import io.quipu.platform.security.ServiceClients;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestTokens;

/** A service calls another with its own client-credentials token, fetched and attached by the platform's client. */
@EmbeddedInfrastructure(database = "platform_test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceClientsTest {

    @HttpExchange
    interface WhoAmI {
        @GetExchange("/test/whoami")
        Map<String, String> whoAmI();
    }

    @DynamicPropertySource
    static void clientRegistration(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.platform-test.client-id", () -> "payments");
        registry.add(prefix + "registration.platform-test.client-secret", () -> "secret");
        registry.add(prefix + "registration.platform-test.authorization-grant-type", () -> "client_credentials");
        registry.add(prefix + "registration.platform-test.scope", () -> "platform-test:read");
        registry.add(prefix + "registration.platform-test.provider", () -> "quipu");
        registry.add(prefix + "provider.quipu.token-uri", () -> TestTokens.get().tokenUri());
    }

    @LocalServerPort
    int port;
    @Autowired
    ServiceClients serviceClients;

    @Test
    void callsAnotherServiceWithItsOwnToken() {
        WhoAmI client = serviceClients.create(WhoAmI.class, "http://127.0.0.1:" + port, "platform-test", Duration.ofSeconds(5));
        assertThat(client.whoAmI()).containsEntry("subject", "payments");
    }
}
