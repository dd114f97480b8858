package io.quipu.platform.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An amount of money: integer minor units (céntimos, cents) and an ISO 4217 currency. Never floating point.
 *
 * <p>Arithmetic refuses to mix currencies and to overflow. In JSON it travels as {@code {"amount":"1250.00",
 * "currency":"PEN"}}: the amount is a decimal string with exactly the currency's minor-unit digits allowed.
 */
@JsonSerialize(using = MoneyJson.Serializer.class)
@JsonDeserialize(using = MoneyJson.Deserializer.class)
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

    /** A plain decimal: optional sign, up to 18 integer digits, optional fraction. No exponent, no grouping. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,9})?");
    // Compiled once: String.matches compiled it again for every amount (1% of the ledger's CPU per transfer).
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency has no minor unit: " + currency);
        }
    }

    public static Money ofMinor(long amountMinor, String currencyCode) {
        return new Money(amountMinor, currency(currencyCode));
    }

    public static Money zero(String currencyCode) {
        return ofMinor(0, currencyCode);
    }

    /**
     * Parses a decimal string such as {@code "1250.00"} or {@code "1250"}. More fraction digits than the currency has
     * (e.g. {@code "1.005"} PEN) is an error, not a rounding.
     */
    public static Money parse(String decimal, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException("amount must be a plain decimal such as \"1250.00\"");
        }
        BigDecimal value = new BigDecimal(decimal);
        int digits = currency.getDefaultFractionDigits();
        if (value.scale() > digits) {
            throw new IllegalArgumentException("amount has more than " + digits + " decimals for " + currency);
        }
        try {
            return new Money(value.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount is too large", e);
        }
    }

    /** Accepts ISO 4217 codes only ("PEN", "USD", "EUR", ...). */
    public static Currency currency(String currencyCode) {
        if (currencyCode == null || !CURRENCY_CODE.matcher(currencyCode).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as PEN");
        }
        try {
            return Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency " + currencyCode, e);
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(amountMinor), currency);
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** The amount as a plain decimal string with the currency's minor-unit digits: {@code "1250.00"}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits()).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }

    /** Adding PEN to USD is a programming error: conversion goes through an explicit FX rate. */
    public static final class CurrencyMismatchException extends IllegalArgumentException {
        public CurrencyMismatchException(Currency left, Currency right) {
            super("currency mismatch: " + left + " and " + right);
        }
    }
}
