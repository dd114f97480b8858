package io.quipu.contracts.ledger;

import java.util.List;

/** A page of history, newest first; pass {@code nextBefore} as {@code before} for the next (older) page. */
public record AccountTransferPage(List<AccountTransferLine> lines, Long nextBefore) {
}
