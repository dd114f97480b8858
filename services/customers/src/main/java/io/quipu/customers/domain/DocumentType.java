package io.quipu.customers.domain;

import java.util.Optional;

/** The identity documents the bank accepts, with the country that issues each. */
public enum DocumentType {

    /** Peru's national identity document (documento nacional de identidad). */
    DNI("PE"),
    /** Peru's tax id (registro único de contribuyentes). */
    RUC("PE"),
    /** Peru's foreigner's card (carné de extranjería). */
    CE("PE"),
    /** Any country's passport. */
    PASSPORT(null),
    /** Ecuador's identity card (cédula de identidad). */
    CEDULA_EC("EC");

    private final String countryCode;

    DocumentType(String countryCode) {
        this.countryCode = countryCode;
    }

    /** ISO 3166-1 alpha-2 code of the issuing country; empty for passports, which every country issues. */
    public Optional<String> countryCode() {
        return Optional.ofNullable(countryCode);
    }
}
