package io.quipu.payments.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.payments.application.PaymentSaga;
import io.quipu.payments.clients.WebhookSignatures;
import io.quipu.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clearing house's notifications of settlements and returns. No token (the clearing house has none of ours): the
 * body's HMAC signature proves the sender. A notification only makes the saga look sooner; the saga polls anyway.
 */
@Hidden
@RestController
class ClearingNotificationController {

    static final String PATH = "/payments/clearing/notifications";

    private final PaymentSaga saga;
    private final WebhookSignatures signatures;
    private final JsonMapper json;

    ClearingNotificationController(PaymentSaga saga, WebhookSignatures clearingSignatures, JsonMapper json) {
        this.saga = saga;
        this.signatures = clearingSignatures;
        this.json = json;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> notified(@RequestHeader(name = "X-Clearing-Signature", required = false) String signature,
                                  @RequestBody byte[] body) {
        if (!signatures.isValid(body, signature)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature",
                    "The notification's signature does not match.");
        }
        JsonNode notification;
        try {
            notification = json.readTree(body);
        } catch (RuntimeException malformed) {
            throw ApiException.badRequest("malformed_notification", "The notification is not JSON.");
        }
        String traceNumber = notification.path("traceNumber").asString("");
        String status = notification.path("status").asString("");
        if (!traceNumber.matches("[0-9A-Za-z-]{1,64}") || status.isEmpty()) {
            throw ApiException.badRequest("malformed_notification", "traceNumber and status are required.");
        }
        String returnCode = notification.path("returnCode").isNull() ? null : notification.path("returnCode").asString(null);
        saga.notified(traceNumber, status, returnCode);
        return ResponseEntity.noContent().build();
    }
}
