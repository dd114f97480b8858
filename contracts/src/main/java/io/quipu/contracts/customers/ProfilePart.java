package io.quipu.contracts.customers;

/**
 * One part of the customer 360° view, fetched from another service with a time limit. {@code status} is
 * {@code available} (with {@code data}), {@code unavailable} (that service did not answer in time or failed:
 * {@code reason} says which) or {@code not_offered} (the platform does not run that service yet).
 */
public record ProfilePart<T>(String status, T data, String reason) {

    public static <T> ProfilePart<T> available(T data) {
        return new ProfilePart<>("available", data, null);
    }

    public static <T> ProfilePart<T> unavailable(String reason) {
        return new ProfilePart<>("unavailable", null, reason);
    }

    public static <T> ProfilePart<T> notOffered(String reason) {
        return new ProfilePart<>("not_offered", null, reason);
    }
}
