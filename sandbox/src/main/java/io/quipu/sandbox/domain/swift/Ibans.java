package io.quipu.sandbox.domain.swift;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IBANs (ISO 13616) of the countries the simulated network reaches: the country's length, then the mod-97 check —
 * the first four characters moved to the end, letters as 10 to 35, the number mod 97 must be 1.
 */
public final class Ibans {

    /** The IBAN length of each country served. */
    public static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("CH", 21), Map.entry("DE", 22), Map.entry("ES", 24),
            Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("IT", 27), Map.entry("NL", 18),
            Map.entry("PT", 25));

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{1,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Ibans() {
    }

    /** In electronic form: capital letters and digits, no spaces. */
    public static boolean isValid(String iban) {
        if (iban == null || !SHAPE.matcher(iban).matches()) {
            return false;
        }
        Integer length = LENGTHS.get(iban.substring(0, 2));
        return length != null && iban.length() == length && mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    /** The IBAN of a country's BBAN, with its check digits computed. For tests and demos. */
    public static String of(String country, String bban) {
        int check = 98 - mod97(bban + country + "00");
        return country + String.format("%02d", check) + bban;
    }

    private static int mod97(String text) {
        StringBuilder digits = new StringBuilder(text.length() * 2);
        for (char character : text.toCharArray()) {
            digits.append(Character.isDigit(character) ? String.valueOf(character) : String.valueOf(character - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
