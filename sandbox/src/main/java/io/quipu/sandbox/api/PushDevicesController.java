package io.quipu.sandbox.api;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.domain.BoundedStore;
import io.quipu.sandbox.domain.push.DevicePlatform;
import io.quipu.sandbox.domain.push.PushRules;
import io.quipu.sandbox.domain.push.PushTokens;
import io.quipu.sandbox.domain.push.RegisteredDevice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Stands for the phone side of push: installing the app gives a registration token from the push SDK, uninstalling
 * it makes the token unregistered. Tests and demos create the devices the notifications service then sends to.
 */
@RestController
@RequestMapping("/sandbox/push/devices")
@Tag(name = "Push devices", description = "Obtain a push registration token as an app would, or forget it as an uninstall does.")
public class PushDevicesController {

    private final BoundedStore<String, RegisteredDevice> devices;
    private final PushTokens tokens;
    private final Clock clock;

    public PushDevicesController(BoundedStore<String, RegisteredDevice> devices, PushTokens tokens, Clock clock) {
        this.devices = devices;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code platform}: android, ios or web; {@code label}: optional, for people ("Ana's Pixel"). */
    public record DeviceRequest(String platform, String label) {
    }

    public record DeviceView(String token, String platform, String label, Instant createdAt) {
        static DeviceView of(RegisteredDevice device) {
            return new DeviceView(device.token(), device.platform().apiName(), device.label(), device.createdAt());
        }
    }

    @PostMapping
    @Operation(summary = "Register a device: a new registration token, as the push SDK gives an installed app (201)")
    public ResponseEntity<DeviceView> register(@RequestBody DeviceRequest request) {
        RequestChecks.throwIfAny(PushRules.checkDevice(request.platform(), request.label()));
        RegisteredDevice device = new RegisteredDevice(tokens.next(), DevicePlatform.ofApiName(request.platform()).orElseThrow(),
                request.label(), clock.instant());
        devices.put(device.token(), device);
        return ResponseEntity.status(HttpStatus.CREATED).body(DeviceView.of(device));
    }

    @DeleteMapping("/{token}")
    @Operation(summary = "Uninstall the app: sends to the token answer 404 unregistered from now on (204 even if unknown)")
    public ResponseEntity<Void> unregister(@PathVariable String token) {
        devices.remove(token);
        return ResponseEntity.noContent().build();
    }
}
