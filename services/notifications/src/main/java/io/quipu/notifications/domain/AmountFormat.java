package io.quipu.notifications.domain;

import java.util.Map;

import io.quipu.platform.money.Money;

/**
 * Amounts as customers in Peru read them, in Spanish and in English alike: the currency's symbol, a space, thousands
 * grouped with commas and the minor units after a point ({@code S/ 1,250.00}, {@code US$ 1,250.00}, {@code € 1,250.00}).
 * Integer arithmetic on the minor units only: no floating point touches money.
 */
public final class AmountFormat {

    private static final Map<String, String> SYMBOLS = Map.of("PEN", "S/", "USD", "US$", "EUR", "€");

    private AmountFormat() {
    }

    public static String format(Money money) {
        String symbol = SYMBOLS.getOrDefault(money.currencyCode(), money.currencyCode());
        int fractionDigits = Math.max(0, money.currency().getDefaultFractionDigits());
        long minor = money.amountMinor();
        boolean negative = minor < 0;
        // Long.MIN_VALUE has no positive counterpart: its digits are taken from the string form.
        String digits = negative ? Long.toString(minor).substring(1) : Long.toString(minor);
        if (digits.length() <= fractionDigits) {
            digits = "0".repeat(fractionDigits - digits.length() + 1) + digits;
        }
        String whole = digits.substring(0, digits.length() - fractionDigits);
        String fraction = digits.substring(digits.length() - fractionDigits);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + symbol + " " + grouped + (fractionDigits > 0 ? "." + fraction : "");
    }
}
