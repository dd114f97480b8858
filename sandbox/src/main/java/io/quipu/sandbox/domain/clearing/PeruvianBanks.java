package io.quipu.sandbox.domain.clearing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The participants of the simulated clearing house by their 3-digit code, the first digits of a CCI. */
public final class PeruvianBanks {

    private static final Map<String, String> BY_CODE = new LinkedHashMap<>();

    static {
        BY_CODE.put("002", "Banco de Crédito del Perú (BCP)");
        BY_CODE.put("003", "Interbank");
        BY_CODE.put("009", "Scotiabank Perú");
        BY_CODE.put("011", "BBVA Perú");
        BY_CODE.put("018", "Banco de la Nación");
        BY_CODE.put("023", "Banco de Comercio");
        BY_CODE.put("035", "Banco Pichincha");
        BY_CODE.put("038", "BanBif");
        BY_CODE.put("043", "Banco GNB");
        BY_CODE.put("049", "Mibanco");
        BY_CODE.put("053", "Banco Falabella");
        BY_CODE.put("099", "Quipu");
    }

    private PeruvianBanks() {
    }

    public static Optional<String> nameOf(String bankCode) {
        return Optional.ofNullable(BY_CODE.get(bankCode));
    }

    public static boolean isParticipant(String bankCode) {
        return BY_CODE.containsKey(bankCode);
    }

    /** Every participant, code to name, in code order. */
    public static Map<String, String> all() {
        return Map.copyOf(BY_CODE);
    }
}
