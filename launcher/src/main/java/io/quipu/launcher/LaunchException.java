package io.quipu.launcher;

/** A problem the person running Quipu can fix, reported with its message only (no stack trace). */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
