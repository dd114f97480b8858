package io.quipu.sandbox.domain.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quipu.sandbox.domain.Violation;

/**
 * What the simulated push provider accepts: a device registration (a platform, an optional short label) and a message
 * (a token, a title, a body and an optional small map of strings, as FCM's {@code data}). Lengths count characters
 * (code points), as a phone shows them.
 */
public final class PushRules {

    public static final int MAX_LABEL_CHARACTERS = 60;
    /** Far above the tokens the sandbox issues (44 characters): anything longer cannot be a token, only a mistake. */
    public static final int MAX_TOKEN_CHARACTERS = 256;
    public static final int MAX_TITLE_CHARACTERS = 100;
    public static final int MAX_BODY_CHARACTERS = 1000;
    public static final int MAX_DATA_ENTRIES = 20;
    public static final int MAX_DATA_KEY_CHARACTERS = 64;
    public static final int MAX_DATA_VALUE_CHARACTERS = 200;

    /** FCM refuses these data keys and prefixes: its SDKs use them for their own fields. */
    private static final Set<String> RESERVED_DATA_KEYS = Set.of("from", "message_type");
    private static final List<String> RESERVED_DATA_KEY_PREFIXES = List.of("google.", "gcm.notification.");

    private PushRules() {
    }

    /** Every problem of a device registration, empty when the SDK would issue a token. */
    public static List<Violation> checkDevice(String platform, String label) {
        List<Violation> violations = new ArrayList<>(2);
        if (platform == null || platform.isBlank()) {
            violations.add(new Violation("platform", "required", "is required"));
        } else if (DevicePlatform.ofApiName(platform).isEmpty()) {
            violations.add(new Violation("platform", "invalid_value", "must be one of: android, ios, web"));
        }
        if (label != null && characters(label) > MAX_LABEL_CHARACTERS) {
            violations.add(new Violation("label", "too_long", "must be at most " + MAX_LABEL_CHARACTERS + " characters"));
        }
        return violations;
    }

    /** The problem of a token as a value, if any; whether it is registered is the device store's business. */
    public static List<Violation> checkToken(String token) {
        if (token == null || token.isBlank()) {
            return List.of(new Violation("token", "required", "is required"));
        }
        if (token.length() > MAX_TOKEN_CHARACTERS) {
            return List.of(new Violation("token", "too_long", "must be at most " + MAX_TOKEN_CHARACTERS + " characters"));
        }
        return List.of();
    }

    /**
     * Every problem of a message, empty when the provider would accept it.
     *
     * @param data null when the request had none; values of any JSON type, so that a number is refused as FCM does
     */
    public static List<Violation> checkMessage(String token, String title, String body, Map<String, ?> data) {
        List<Violation> violations = new ArrayList<>(checkToken(token));
        checkText(violations, "title", title, MAX_TITLE_CHARACTERS);
        checkText(violations, "body", body, MAX_BODY_CHARACTERS);
        if (data != null) {
            checkData(violations, data);
        }
        return violations;
    }

    private static void checkText(List<Violation> violations, String field, String text, int maxCharacters) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (characters(text) > maxCharacters) {
            violations.add(new Violation(field, "too_long", "must be at most " + maxCharacters + " characters"));
        }
    }

    private static void checkData(List<Violation> violations, Map<String, ?> data) {
        if (data.size() > MAX_DATA_ENTRIES) {
            // One error, not one per entry: the entries of an oversized map are not worth listing.
            violations.add(new Violation("data", "too_many_entries", "must have at most " + MAX_DATA_ENTRIES + " entries"));
            return;
        }
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            String key = entry.getKey();
            if (key.isBlank() || characters(key) > MAX_DATA_KEY_CHARACTERS) {
                // The key itself may be huge, so it is not echoed as a field name.
                violations.add(new Violation("data", "invalid_key", "keys must be 1 to " + MAX_DATA_KEY_CHARACTERS + " characters"));
                continue;
            }
            String field = "data." + key;
            if (isReserved(key)) {
                violations.add(new Violation(field, "reserved_key",
                        "is reserved: from, message_type and keys starting with google. or gcm.notification."));
            } else if (!(entry.getValue() instanceof String value)) {
                violations.add(new Violation(field, "invalid_type", "must be a string"));
            } else if (characters(value) > MAX_DATA_VALUE_CHARACTERS) {
                violations.add(new Violation(field, "too_long", "must be at most " + MAX_DATA_VALUE_CHARACTERS + " characters"));
            }
        }
    }

    private static boolean isReserved(String key) {
        return RESERVED_DATA_KEYS.contains(key) || RESERVED_DATA_KEY_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
