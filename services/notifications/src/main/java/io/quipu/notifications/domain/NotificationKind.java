package io.quipu.notifications.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the customer is told about, each with the channels it goes to when the customer chose nothing: money movements
 * live in the browser, by push to their phones and by e-mail; security by SMS and e-mail (the customer may not be able
 * to log in); a login from a network not seen before by push and e-mail; onboarding by e-mail.
 */
public enum NotificationKind {
    MONEY_RECEIVED(EnumSet.of(Channel.WEB, Channel.PUSH, Channel.EMAIL)),
    MONEY_SENT(EnumSet.of(Channel.WEB, Channel.PUSH, Channel.EMAIL)),
    PAYMENT_FAILED(EnumSet.of(Channel.WEB, Channel.PUSH, Channel.EMAIL)),
    PAYMENT_RETURNED(EnumSet.of(Channel.WEB, Channel.PUSH, Channel.EMAIL)),
    ONBOARDING_COMPLETED(EnumSet.of(Channel.EMAIL)),
    ACCOUNT_LOCKED(EnumSet.of(Channel.SMS, Channel.EMAIL)),
    NEW_LOGIN_SOURCE(EnumSet.of(Channel.PUSH, Channel.EMAIL));

    private final Set<Channel> defaultChannels;

    NotificationKind(Set<Channel> defaultChannels) {
        this.defaultChannels = defaultChannels;
    }

    public Set<Channel> defaultChannels() {
        return EnumSet.copyOf(defaultChannels);
    }

    /** The name in the API and the database: {@code money_received}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not a kind */
    public static NotificationKind fromWireName(String name) {
        for (NotificationKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown notification kind: " + name);
    }

    /** Every kind's wire name, for messages. */
    public static String wireNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(NotificationKind::wireName).toList());
    }
}
