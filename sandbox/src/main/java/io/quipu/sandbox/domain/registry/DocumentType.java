package io.quipu.sandbox.domain.registry;

import java.util.Optional;

/** The identity documents the registry knows: Peru's DNI (8 digits) and Ecuador's cédula (10 digits). */
public enum DocumentType {
    DNI(8),
    CEDULA_EC(10);

    private final int digits;

    DocumentType(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }

    public boolean isValidNumber(String number) {
        if (number == null || number.length() != digits) {
            return false;
        }
        for (int index = 0; index < number.length(); index++) {
            char character = number.charAt(index);
            if (character < '0' || character > '9') {
                return false;
            }
        }
        return true;
    }

    /** The type named exactly as in the API ({@code DNI}, {@code CEDULA_EC}); empty for anything else. */
    public static Optional<DocumentType> of(String name) {
        for (DocumentType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
