package io.quipu.identity.domain;

import java.util.Locale;

/** Usernames are compared without case: {@code Demo.Ana} and {@code demo.ana} are the same login. */
public final class Usernames {

    /** Longest username looked up; longer input cannot be a username and is not worth a database query. */
    public static final int MAXIMUM_LENGTH = 64;

    private Usernames() {
    }

    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isPlausible(String username) {
        return username != null && !username.isBlank() && username.length() <= MAXIMUM_LENGTH;
    }
}
