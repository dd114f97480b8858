package io.quipu.fraud.domain;

import java.util.Locale;

/** A review case: {@code OPEN} until an analyst approves or rejects it, once. */
public enum CaseStatus {

    OPEN,
    APPROVED,
    REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus ofCode(String code) {
        for (CaseStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown case status " + code);
    }

    /**
     * The status after an analyst's resolution.
     *
     * @throws CaseAlreadyResolved when the case was resolved before (a resolution is final)
     * @throws IllegalArgumentException when {@code resolution} is not approved or rejected
     */
    public CaseStatus resolve(CaseStatus resolution) {
        if (resolution == OPEN) {
            throw new IllegalArgumentException("a case is resolved as approved or rejected");
        }
        if (this != OPEN) {
            throw new CaseAlreadyResolved(this);
        }
        return resolution;
    }

    /** A resolved case cannot be resolved again. */
    public static final class CaseAlreadyResolved extends RuntimeException {

        private final CaseStatus status;

        public CaseAlreadyResolved(CaseStatus status) {
            super("the case is already " + status.code());
            this.status = status;
        }

        public CaseStatus status() {
            return status;
        }
    }
}
