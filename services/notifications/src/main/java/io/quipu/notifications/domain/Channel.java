package io.quipu.notifications.domain;

import java.util.Locale;

/** Where a notification goes: e-mail, SMS, the live web stream, push to the customer's registered devices. */
public enum Channel {
    EMAIL, SMS, WEB, PUSH;

    /** The name in the API and the database: {@code email}, {@code sms}, {@code web}, {@code push}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not a channel */
    public static Channel fromWireName(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + name);
    }

    /** Every channel's wire name, for messages: "email, sms, web, push". */
    public static String wireNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Channel::wireName).toList());
    }
}
