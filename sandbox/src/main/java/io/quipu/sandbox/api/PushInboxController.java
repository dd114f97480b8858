package io.quipu.sandbox.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.domain.push.PushInbox;
import io.quipu.sandbox.domain.push.PushMessage;
import io.quipu.sandbox.domain.push.PushRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reads what the push provider "delivered": what each phone would have shown. */
@RestController
@RequestMapping("/sandbox/push")
@Tag(name = "Push inbox", description = "Every push message the simulated provider delivered, newest first.")
public class PushInboxController {

    private final PushInbox inbox;

    public PushInboxController(PushInbox inbox) {
        this.inbox = inbox;
    }

    public record PushView(String messageId, String token, String title, String body, Map<String, String> data,
            Instant receivedAt) {
        static PushView of(PushMessage message) {
            return new PushView(message.messageId().toString(), message.token(), message.title(), message.body(),
                    message.data(), message.receivedAt());
        }
    }

    @GetMapping
    @Operation(summary = "The newest push messages, to one device when 'token' is given")
    public List<PushView> latest(@RequestParam(required = false) String token,
            @RequestParam(defaultValue = Limits.DEFAULT_LIST_SIZE) int limit) {
        if (token != null) {
            RequestChecks.throwIfAny(PushRules.checkToken(token));
        }
        return inbox.latest(token, Limits.checkedLimit(limit)).stream().map(PushView::of).toList();
    }

    @DeleteMapping
    @Operation(summary = "Empty the push inbox (the registered devices stay)")
    public ResponseEntity<Void> clear() {
        inbox.clear();
        return ResponseEntity.noContent().build();
    }
}
