package io.quipu.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bank's password rules. Following NIST SP 800-63B: length and a blocklist of common passwords matter; composition
 * rules (one digit, one symbol...) do not, so there are none.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused instead. */
    public static final int MAXIMUM_UTF8_BYTES = 72;
    public static final int MAXIMUM_LENGTH = 64;
    /** Bundled with the service: the most common passwords from public breach corpora, one per line, lower case. */
    public static final String COMMON_PASSWORDS_RESOURCE = "/io/quipu/identity/domain/common-passwords.txt";
    private static final int MAXIMUM_LIST_ENTRIES = 100_000;

    private final Set<String> commonPasswords;

    public PasswordPolicy(Set<String> commonPasswords) {
        this.commonPasswords = Set.copyOf(commonPasswords);
    }

    /** The policy with the bundled list of common passwords. */
    public static PasswordPolicy withBundledCommonPasswords() {
        try (InputStream input = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS_RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("missing resource " + COMMON_PASSWORDS_RESOURCE);
            }
            Set<String> passwords = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && passwords.size() < MAXIMUM_LIST_ENTRIES; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    passwords.add(entry.toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordPolicy(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused ({@code too_short}, {@code too_long}, {@code common_password}, {@code same_as_username}), or empty. */
    public Optional<Violation> check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of(new Violation("too_short", "must have at least " + MINIMUM_LENGTH + " characters"));
        }
        if (password.length() > MAXIMUM_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_UTF8_BYTES) {
            return Optional.of(new Violation("too_long", "must have at most " + MAXIMUM_LENGTH + " characters"));
        }
        String lowerCase = password.toLowerCase(Locale.ROOT);
        if (username != null && lowerCase.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Violation("same_as_username", "must not be the username"));
        }
        if (commonPasswords.contains(lowerCase)) {
            return Optional.of(new Violation("common_password", "is one of the most common passwords; choose another"));
        }
        return Optional.empty();
    }

    public int commonPasswordCount() {
        return commonPasswords.size();
    }

    public record Violation(String code, String message) {
    }
}
