package io.quipu.sandbox.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.sms.OneTimePasswords;
import io.quipu.sandbox.domain.sms.SmsInbox;
import io.quipu.sandbox.domain.sms.SmsMessage;
import io.quipu.sandbox.domain.sms.SmsRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reads what the SMS gateway "delivered": tests and demo users take their one-time passwords from here. */
@RestController
@RequestMapping("/sandbox/sms")
@Tag(name = "SMS inbox", description = "Every SMS the simulated gateway accepted, newest first.")
public class SmsInboxController {

    private final SmsInbox inbox;

    public SmsInboxController(SmsInbox inbox) {
        this.inbox = inbox;
    }

    public record SmsView(String messageId, String to, String sender, String text, int segments, Instant receivedAt) {
        static SmsView of(SmsMessage message) {
            return new SmsView(message.messageId().toString(), message.to(), message.sender(), message.text(),
                    message.segments(), message.receivedAt());
        }
    }

    public record OneTimePasswordView(String otp, Instant receivedAt, String messageId) {
    }

    @GetMapping
    @Operation(summary = "The newest SMS, to one phone when 'to' is given (encode + as %2B)")
    public List<SmsView> latest(@RequestParam(required = false) String to,
            @RequestParam(defaultValue = Limits.DEFAULT_LIST_SIZE) int limit) {
        String phone = to == null ? null : phoneNumber(to);
        return inbox.latest(phone, Limits.checkedLimit(limit)).stream().map(SmsView::of).toList();
    }

    @GetMapping("/latest-otp")
    @Operation(summary = "The one-time password in the newest SMS to a phone: its last six-digit number")
    public OneTimePasswordView latestOneTimePassword(@RequestParam String to) {
        String phone = phoneNumber(to);
        SmsMessage newest = inbox.newestTo(phone)
                .orElseThrow(() -> ApiException.notFound("sms_not_found", "No SMS was sent to " + phone + "."));
        String otp = OneTimePasswords.lastCodeIn(newest.text())
                .orElseThrow(() -> ApiException.notFound("otp_not_found", "The newest SMS to " + phone + " has no six-digit code."));
        return new OneTimePasswordView(otp, newest.receivedAt(), newest.messageId().toString());
    }

    @DeleteMapping
    @Operation(summary = "Empty the SMS inbox")
    public ResponseEntity<Void> clear() {
        inbox.clear();
        return ResponseEntity.noContent().build();
    }

    /**
     * The phone of a query. A {@code +} that was not encoded arrives as a space; it can only have meant {@code +}, so
     * it is read as one instead of failing a test on a detail of URL encoding.
     */
    private static String phoneNumber(String to) {
        String trimmed = to.strip();
        String phone = !trimmed.isEmpty() && Character.isDigit(trimmed.charAt(0)) && to.startsWith(" ") ? "+" + trimmed : trimmed;
        if (!SmsRules.isPhoneNumber(phone)) {
            throw ApiException.invalidField("to", "invalid_phone_number",
                    "must be an E.164 phone number: + and 8 to 15 digits, such as +51987654321");
        }
        return phone;
    }
}
