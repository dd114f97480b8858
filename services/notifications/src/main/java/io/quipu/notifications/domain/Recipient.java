package io.quipu.notifications.domain;

import java.util.Locale;
import java.util.UUID;

/**
 * Who a notification goes to, from the customers service: never stored here, only cached for a short while.
 *
 * @param email    null when the customer has none
 * @param phone    E.164, null when the customer has none
 * @param language {@code es} or {@code en}; anything else reads Spanish, the bank's language
 * @param name     given names, for the greeting
 */
public record Recipient(UUID customerId, String email, String phone, Language language, String name) {

    public enum Language {
        ES, EN;

        public static Language of(String code) {
            return code != null && code.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ES;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int MAX_NAME_CHARACTERS = 100;

    public Recipient {
        // A name is one line: a line break must not forge a paragraph or a header.
        name = name == null ? "" : name.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (name.length() > MAX_NAME_CHARACTERS) {
            name = name.substring(0, MAX_NAME_CHARACTERS);
        }
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        language = language == null ? Language.ES : language;
    }

    public Recipient withLanguage(Language other) {
        return new Recipient(customerId, email, phone, other, name);
    }
}
