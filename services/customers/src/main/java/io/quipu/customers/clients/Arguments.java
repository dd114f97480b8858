package io.quipu.customers.clients;

/** Checks of what callers pass to the provider clients: a wrong argument is our bug, refused before any call. */
final class Arguments {

    private Arguments() {
    }

    static String requireText(String name, String value, int maxCharacters) {
        if (value == null || value.isBlank() || value.length() > maxCharacters) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxCharacters + " characters");
        }
        return value;
    }

    static String requireMatch(String name, String value, String pattern) {
        if (value == null || !value.matches(pattern)) {
            // The value is not in the message: it may be a document number.
            throw new IllegalArgumentException(name + " must match " + pattern);
        }
        return value;
    }

    /** An answer's field the provider must always send: without it the answer is not what we were promised. */
    static <T> T requireAnswered(String provider, String field, T value) {
        if (value == null) {
            throw new IllegalStateException("the " + provider + " provider's answer has no " + field);
        }
        return value;
    }
}
