package io.quipu.sandbox.api;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;
import io.quipu.sandbox.domain.sms.SmsInbox;
import io.quipu.sandbox.domain.sms.SmsMessage;
import io.quipu.sandbox.domain.sms.SmsRules;
import io.quipu.sandbox.domain.sms.SmsViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated SMS provider's API: what the notifications service calls to send a text message. */
@RestController
@RequestMapping("/sms/v1/messages")
@Tag(name = "SMS gateway", description = "A simulated SMS provider. Requires the X-Api-Key header.")
public class SmsGatewayController {

    private final SmsInbox inbox;
    private final Clock clock;

    public SmsGatewayController(SmsInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    public record SendSmsRequest(String to, String text, String sender) {
    }

    public record SendSmsResponse(String messageId, String status, int segments) {
    }

    @PostMapping
    @Operation(summary = "Send an SMS", description = "Accepts the message for delivery; it appears at once in the sandbox SMS inbox.")
    public ResponseEntity<SendSmsResponse> send(@RequestBody SendSmsRequest request) {
        List<SmsViolation> violations = SmsRules.check(request.to(), request.text(), request.sender());
        if (!violations.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.",
                    violations.stream().map(violation -> new FieldProblem(violation.field(), violation.code(), violation.message())).toList());
        }
        int segments = SmsRules.segments(request.text());
        SmsMessage message = new SmsMessage(Ids.newId(), request.to(), request.sender(), request.text(), segments, clock.instant());
        inbox.add(message);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new SendSmsResponse(message.messageId().toString(), "queued", segments));
    }
}
