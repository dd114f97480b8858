package io.quipu.payments.clients;

import java.util.Optional;
import java.util.UUID;

import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.money.Money;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SWIFT-like network for international payments (the sandbox locally): {@code POST /swift/v1/payments}, idempotent
 * by UETR (the payment id), and {@code GET /swift/v1/payments/{uetr}}.
 */
public class SwiftClient {

    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private record Order(UUID uetr, String debtorName, String debtorAccount, String creditorName, String creditorIban, String creditorBic,
                         Money amount, String remittanceInformation) {
    }

    private record RejectedAnswer(String code, String reasonCode) {
    }

    /** {@code status}: accepted, settled or returned (with a code). */
    public record Status(UUID uetr, String status, String returnCode) {
    }

    private final ProviderEndpoint endpoint;

    public SwiftClient(ProviderSettings settings, JsonMapper json) {
        this.endpoint = new ProviderEndpoint(settings, MAX_RESPONSE_BYTES, json);
    }

    public ClearingHouseClient.Outcome send(UUID uetr, String debtorName, String debtorAccount, String creditorName, String creditorIban,
                                            String creditorBic, Money amount, String remittanceInformation) {
        ProviderEndpoint.Answer answer = endpoint.postJson("/swift/v1/payments", new Order(uetr, debtorName, debtorAccount, creditorName,
                creditorIban, creditorBic, amount, remittanceInformation));
        if (answer.isSuccess()) {
            return new ClearingHouseClient.Accepted(uetr.toString());
        }
        if (answer.status() == 422) {
            RejectedAnswer rejected = endpoint.read(answer, RejectedAnswer.class);
            return new ClearingHouseClient.Rejected(rejected.reasonCode() == null ? "unknown" : rejected.reasonCode());
        }
        throw endpoint.unexpected(answer);
    }

    public Optional<Status> status(UUID uetr) {
        ProviderEndpoint.Answer answer = endpoint.get("/swift/v1/payments/" + uetr);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.isSuccess()) {
            throw endpoint.unexpected(answer);
        }
        return Optional.of(endpoint.read(answer, Status.class));
    }
}
