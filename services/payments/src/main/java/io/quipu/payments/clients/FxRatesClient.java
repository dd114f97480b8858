package io.quipu.payments.clients;

import java.math.BigDecimal;
import java.time.Instant;

import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import tools.jackson.databind.json.JsonMapper;

/** Market mid rates ({@code GET /fx/v1/rates?base=&quote=}; the sandbox locally): how many {@code quote} one {@code base} buys. */
public class FxRatesClient {

    private static final int MAX_RESPONSE_BYTES = 16 * 1024;

    private record RateAnswer(String base, String quote, String rate, Instant asOf) {
    }

    private final ProviderEndpoint endpoint;

    public FxRatesClient(ProviderSettings settings, JsonMapper json) {
        this.endpoint = new ProviderEndpoint(settings, MAX_RESPONSE_BYTES, json);
    }

    public BigDecimal midRate(String base, String quote) {
        ProviderEndpoint.Answer answer = endpoint.get("/fx/v1/rates?base=" + base + "&quote=" + quote);
        if (!answer.isSuccess()) {
            throw endpoint.unexpected(answer);
        }
        BigDecimal rate = new BigDecimal(endpoint.read(answer, RateAnswer.class).rate());
        if (rate.signum() <= 0) {
            throw new IllegalStateException("the FX provider answered a rate that is not positive");
        }
        return rate;
    }
}
