package io.quipu.platform.events;

/** A record that can never be processed (not a CloudEvent, payload breaks the contract): sent to the dead-letter topic at once. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
