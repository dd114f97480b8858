package io.quipu.fraud.domain;

/** What the payment may do: go ahead, wait for an analyst, or not happen. */
public enum Verdict {

    ALLOW("allow"),
    REVIEW("review"),
    DENY("deny");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Verdict ofCode(String code) {
        for (Verdict verdict : values()) {
            if (verdict.code.equals(code)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict " + code);
    }
}
