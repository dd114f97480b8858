package io.quipu.sandbox.domain.screening;

import java.util.Optional;

/** The lists the screening provider checks: two sanctions lists and two lists of politically exposed persons. */
public enum Watchlist {
    UN_SANCTIONS("UN-SANCTIONS", true, "un-sanctions.csv"),
    OFAC_SDN("OFAC-SDN", true, "ofac-sdn.csv"),
    PEP_PE("PEP-PE", false, "pep-pe.csv"),
    PEP_EC("PEP-EC", false, "pep-ec.csv");

    private final String code;
    private final boolean sanctions;
    private final String fileName;

    Watchlist(String code, boolean sanctions, String fileName) {
        this.code = code;
        this.sanctions = sanctions;
        this.fileName = fileName;
    }

    /** The list's name in the API, such as {@code OFAC-SDN}. */
    public String code() {
        return code;
    }

    /** A match on a sanctions list is a hit; a match on a PEP list only flags the person as politically exposed. */
    public boolean isSanctions() {
        return sanctions;
    }

    public String fileName() {
        return fileName;
    }

    public static Optional<Watchlist> ofCode(String code) {
        for (Watchlist list : values()) {
            if (list.code.equals(code)) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }
}
