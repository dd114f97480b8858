package io.quipu.sandbox.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.BoundedStore;
import io.quipu.sandbox.domain.push.PushInbox;
import io.quipu.sandbox.domain.push.PushMessage;
import io.quipu.sandbox.domain.push.PushRules;
import io.quipu.sandbox.domain.push.RegisteredDevice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated push provider's API (FCM-like): what the notifications service calls to notify a customer's phone. */
@RestController
@RequestMapping("/push/v1/messages")
@Tag(name = "Push provider", description = "A simulated push-notification provider (FCM-like). Requires the X-Api-Key header.")
public class PushGatewayController {

    private final BoundedStore<String, RegisteredDevice> devices;
    private final PushInbox inbox;
    private final Clock clock;

    public PushGatewayController(BoundedStore<String, RegisteredDevice> devices, PushInbox inbox, Clock clock) {
        this.devices = devices;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** {@code data}: optional string values; typed as any JSON so that a number is refused, as FCM refuses it. */
    public record SendPushRequest(String token, String title, String body, Map<String, Object> data) {
    }

    public record SendPushResponse(String messageId, String status) {
    }

    @PostMapping
    @Operation(summary = "Send a push notification to a device",
            description = "Delivered at once: it appears in the sandbox push inbox. A token that was never issued or whose "
                    + "device was deleted answers 404 with the code 'unregistered': forget the token.")
    public SendPushResponse send(@RequestBody SendPushRequest request) {
        RequestChecks.throwIfAny(PushRules.checkMessage(request.token(), request.title(), request.body(), request.data()));
        if (devices.find(request.token()).isEmpty()) {
            // The token is not echoed: it is as good as an address of the customer's phone.
            throw ApiException.notFound("unregistered",
                    "The token is not registered: the app was uninstalled or the token was never issued. Forget it.");
        }
        PushMessage message = new PushMessage(Ids.newId(), request.token(), request.title(), request.body(),
                strings(request.data()), clock.instant());
        inbox.add(message);
        return new SendPushResponse(message.messageId().toString(), "delivered");
    }

    /** The data once checked: every value is a string. */
    private static Map<String, String> strings(Map<String, Object> data) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((key, value) -> strings.put(key, (String) value));
        }
        return strings;
    }
}
