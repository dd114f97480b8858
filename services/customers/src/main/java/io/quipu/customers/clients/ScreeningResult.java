package io.quipu.customers.clients;

import java.util.List;

/**
 * The KYC/AML screening of a person: {@code sanctionsHit} when a sanctions list matched, {@code pep} when a list of
 * politically exposed persons did; {@code matchedLists} names the lists (UN-SANCTIONS, OFAC-SDN, PEP-PE, PEP-EC).
 */
public record ScreeningResult(String checkId, boolean sanctionsHit, boolean pep, List<String> matchedLists) {

    public ScreeningResult {
        matchedLists = List.copyOf(matchedLists);
    }
}
