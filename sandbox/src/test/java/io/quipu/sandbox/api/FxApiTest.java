package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The FX rates provider over real HTTP: drifting mid rates, inverses, fixed rates for tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class FxApiTest {

    static final Map<String, String> FX_KEY = Map.of("X-Api-Key", "sandbox-fx-key");

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @AfterEach
    void clear() {
        assertThat(http.delete("/sandbox/fx/rates").status()).isEqualTo(204);
        http.delete("/sandbox/faults");
    }

    JsonNode rate(String base, String quote) {
        HttpTestClient.Reply reply = http.get("/fx/v1/rates?base=" + base + "&quote=" + quote, FX_KEY);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void answersDriftingMidRatesWithinHalfAPercentAndTheirInverses() {
        JsonNode usdPen = rate("USD", "PEN");
        assertThat(usdPen.get("base").asString()).isEqualTo("USD");
        assertThat(usdPen.get("quote").asString()).isEqualTo("PEN");
        assertThat(usdPen.get("rate").asString()).matches("\\d+\\.\\d{6}");
        assertThat(usdPen.get("asOf").asString()).endsWith(":00Z");
        BigDecimal rate = new BigDecimal(usdPen.get("rate").asString());
        assertThat(rate).isBetween(new BigDecimal("3.726474"), new BigDecimal("3.763926"));

        JsonNode penUsd = rate("PEN", "USD");
        if (penUsd.get("asOf").equals(usdPen.get("asOf"))) {
            assertThat(new BigDecimal(penUsd.get("rate").asString()))
                    .isEqualTo(BigDecimal.ONE.divide(rate, 6, RoundingMode.HALF_EVEN));
        }
        assertThat(new BigDecimal(rate("EUR", "USD").get("rate").asString())).isBetween(new BigDecimal("1.077585"), new BigDecimal("1.088415"));
        assertThat(new BigDecimal(rate("EUR", "PEN").get("rate").asString())).isBetween(new BigDecimal("4.035771"), new BigDecimal("4.076333"));
        assertThat(rate("USD", "EUR").get("rate").asString()).matches("0\\.9\\d{5}");
        assertThat(rate("PEN", "EUR").get("rate").asString()).matches("0\\.2\\d{5}");
    }

    @Test
    void aFixedRateWinsWithItsInverseUntilCleared() {
        HttpTestClient.Reply fixed = http.putJson("/sandbox/fx/rates/USD/PEN", Map.of("rate", "3.8"));
        assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
        assertThat(fixed.json().get("rate").asString()).isEqualTo("3.800000");
        assertThat(rate("USD", "PEN").get("rate").asString()).isEqualTo("3.800000");
        assertThat(rate("PEN", "USD").get("rate").asString()).isEqualTo("0.263158");

        assertThat(http.delete("/sandbox/fx/rates").status()).isEqualTo(204);
        assertThat(new BigDecimal(rate("USD", "PEN").get("rate").asString())).isBetween(new BigDecimal("3.726474"), new BigDecimal("3.763926"));
    }

    @Test
    void refusesBadPairsRatesAndKeys() {
        assertProblem(http.get("/fx/v1/rates?base=USD&quote=PEN"), 401, "missing_api_key");
        assertProblem(http.get("/fx/v1/rates?base=USD&quote=PEN", ClearingApiTest.CLEARING_KEY), 401, "invalid_api_key");
        assertFieldError(http.get("/fx/v1/rates", FX_KEY), "base", "required");
        assertFieldError(http.get("/fx/v1/rates?base=USD", FX_KEY), "quote", "required");
        assertFieldError(http.get("/fx/v1/rates?base=GBP&quote=PEN", FX_KEY), "base", "unsupported_currency");
        assertFieldError(http.get("/fx/v1/rates?base=USD&quote=USD", FX_KEY), "quote", "same_as_base");
        assertFieldError(http.putJson("/sandbox/fx/rates/USD/PEN", Map.of("rate", "-1")), "rate", "invalid_rate");
        assertFieldError(http.putJson("/sandbox/fx/rates/USD/PEN", Map.of("rate", "3.1234567")), "rate", "invalid_rate");
        assertFieldError(http.putJson("/sandbox/fx/rates/USD/PEN", Map.of("rate", "0")), "rate", "invalid_rate");
        assertFieldError(http.putJson("/sandbox/fx/rates/USD/PEN", Map.of()), "rate", "required");
        assertFieldError(http.putJson("/sandbox/fx/rates/USD/XAU", Map.of("rate", "1")), "quote", "unsupported_currency");
    }

    @Test
    void anFxProviderThatIsDownAnswers503() {
        http.putJson("/sandbox/faults/fx", Map.of("mode", "down", "remainingCalls", 1));
        assertProblem(http.get("/fx/v1/rates?base=USD&quote=PEN", FX_KEY), 503, "provider_unavailable");
        rate("USD", "PEN");
        assertThat(http.get("/").text()).contains("Payment networks and market data").contains("/clearing/v1/transfers");
    }
}
