package io.quipu.payments.clients;

import java.time.Instant;
import java.util.Optional;

import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;
import io.quipu.platform.money.Money;
import tools.jackson.databind.json.JsonMapper;

/**
 * The interbank clearing house (Peru's CCE; the sandbox locally): {@code POST /clearing/v1/transfers} (idempotent by
 * instruction id — the payment id, so retries and a resumed saga never send twice) and
 * {@code GET /clearing/v1/transfers/{traceNumber}}. 30 s per try, 3 tries with exponential backoff, circuit breaker 5
 * failures → open 60 s (the design documents' table).
 */
public class ClearingHouseClient {

    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    /** What the clearing house said about a transfer we sent. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(String traceNumber) implements Outcome {
    }

    /** Refused at once, nothing will move: {@code reasonCode} as the clearing house gives it (AC01, AC04, AG01, …). */
    public record Rejected(String reasonCode) implements Outcome {
    }

    /** A transfer's state at the clearing house: {@code accepted}, {@code settled} or {@code returned} (with a code). */
    public record Status(String traceNumber, String instructionId, String status, String returnCode) {
    }

    private record TransferOrder(String instructionId, String debtorName, String debtorCci, String creditorName, String creditorCci,
                                 Money amount, String reference, String callbackUrl) {
    }

    private record AcceptedAnswer(String traceNumber, String instructionId, String status, Instant acceptedAt) {
    }

    private record RejectedAnswer(String code, String reasonCode) {
    }

    private final ProviderEndpoint endpoint;
    private final String callbackUrl;

    /** @param callbackUrl where the clearing house sends status changes; null to rely on polling only */
    public ClearingHouseClient(ProviderSettings settings, String callbackUrl, JsonMapper json) {
        this.endpoint = new ProviderEndpoint(settings, MAX_RESPONSE_BYTES, json);
        this.callbackUrl = callbackUrl;
    }

    /** @throws ProviderUnavailableException after every try failed or while the circuit is open */
    public Outcome send(String instructionId, String debtorName, String debtorCci, String creditorName, String creditorCci, Money amount,
                        String reference) {
        ProviderEndpoint.Answer answer = endpoint.postJson("/clearing/v1/transfers", new TransferOrder(instructionId, debtorName,
                debtorCci, creditorName, creditorCci, amount, reference, callbackUrl));
        if (answer.isSuccess()) {
            return new Accepted(endpoint.read(answer, AcceptedAnswer.class).traceNumber());
        }
        if (answer.status() == 422) {
            RejectedAnswer rejected = endpoint.read(answer, RejectedAnswer.class);
            return new Rejected(rejected.reasonCode() == null ? "unknown" : rejected.reasonCode());
        }
        throw endpoint.unexpected(answer);
    }

    public Optional<Status> status(String traceNumber) {
        ProviderEndpoint.Answer answer = endpoint.get("/clearing/v1/transfers/" + traceNumber);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.isSuccess()) {
            throw endpoint.unexpected(answer);
        }
        return Optional.of(endpoint.read(answer, Status.class));
    }
}
