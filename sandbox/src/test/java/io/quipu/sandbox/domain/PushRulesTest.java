package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.push.DevicePlatform;
import io.quipu.sandbox.domain.push.PushRules;
import io.quipu.sandbox.domain.push.PushTokens;

class PushRulesTest {

    @Test
    void acceptsTheThreePlatformsAndAShortLabel() {
        assertThat(PushRules.checkDevice("android", null)).isEmpty();
        assertThat(PushRules.checkDevice("ios", "l".repeat(60))).isEmpty();
        assertThat(PushRules.checkDevice("web", "")).isEmpty();
        assertThat(DevicePlatform.ofApiName("ios")).contains(DevicePlatform.IOS);
        assertThat(PushRules.checkDevice("Android", "l".repeat(61)))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("platform", "invalid_value"), tuple("label", "too_long"));
        assertThat(PushRules.checkDevice(" ", null)).extracting(Violation::code).containsExactly("required");
    }

    @Test
    void reportsEveryInvalidFieldOfAMessage() {
        assertThat(PushRules.checkMessage("fcm-token", "Pago recibido", "Recibiste S/ 10.00", null)).isEmpty();
        assertThat(PushRules.checkMessage("fcm-token", "ñ".repeat(100), "b".repeat(1000), Map.of())).as("characters, not bytes").isEmpty();
        assertThat(PushRules.checkMessage(null, " ", "b".repeat(1001), null))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("token", "required"), tuple("title", "required"), tuple("body", "too_long"));
        assertThat(PushRules.checkMessage("t".repeat(257), "t".repeat(101), null, null))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("token", "too_long"), tuple("title", "too_long"), tuple("body", "required"));
    }

    @Test
    void dataIsASmallMapOfStringsWithoutReservedKeys() {
        Map<String, Object> atTheLimits = new LinkedHashMap<>();
        for (int entry = 0; entry < 20; entry++) {
            atTheLimits.put("k".repeat(62) + String.format("%02d", entry), "v".repeat(200));
        }
        assertThat(PushRules.checkMessage("fcm-token", "t", "b", atTheLimits)).isEmpty();

        atTheLimits.put("one more", "v");
        assertThat(PushRules.checkMessage("fcm-token", "t", "b", atTheLimits))
                .extracting(Violation::field, Violation::code).containsExactly(tuple("data", "too_many_entries"));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("amount", 10);
        bad.put("missing", null);
        bad.put("reference", "r".repeat(201));
        bad.put("from", "bank");
        bad.put("message_type", "x");
        bad.put("google.sent_time", "1");
        bad.put("gcm.notification.title", "x");
        bad.put("gcm", "allowed: only gcm.notification. is reserved");
        bad.put(" ", "x");
        bad.put("k".repeat(65), "x");
        assertThat(PushRules.checkMessage("fcm-token", "t", "b", bad))
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("data.amount", "invalid_type"),
                        tuple("data.missing", "invalid_type"),
                        tuple("data.reference", "too_long"),
                        tuple("data.from", "reserved_key"),
                        tuple("data.message_type", "reserved_key"),
                        tuple("data.google.sent_time", "reserved_key"),
                        tuple("data.gcm.notification.title", "reserved_key"),
                        tuple("data", "invalid_key"),
                        tuple("data", "invalid_key"));
    }

    @Test
    void tokensAreOpaqueUrlSafeAndUnique() {
        PushTokens tokens = new PushTokens();
        Set<String> issued = new HashSet<>();
        for (int count = 0; count < 1000; count++) {
            String token = tokens.next();
            assertThat(token).matches("fcm-[A-Za-z0-9_-]{40}");
            assertThat(PushRules.checkToken(token)).isEmpty();
            issued.add(token);
        }
        assertThat(issued).hasSize(1000);
    }
}
