package io.quipu.customers.api;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.ledger.AccountTransferPage;
import io.quipu.customers.application.AccountStatements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A customer's movements per account and statements (docs/customers.md): the customer's own accounts, or staff. */
@RestController
@Tag(name = "Movements and statements", description = "An account's movements, filtered and paged, and statements as CSV or PDF.")
class AccountStatementController {

    private final AccountStatements statements;

    AccountStatementController(AccountStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/customers/{customerId}/accounts/{accountId}/movements")
    @Operation(summary = "Movements, newest first, with the posted balance after each; filters: from/to (YYYY-MM-DD, Lima), "
            + "direction (credit, debit), minAmount/maxAmount; pass nextBefore as before for the next page")
    AccountTransferPage movements(@PathVariable UUID customerId, @PathVariable UUID accountId,
                                  @RequestParam(required = false) Long before,
                                  @RequestParam(defaultValue = "" + AccountStatements.DEFAULT_PAGE_SIZE) int limit,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String direction,
                                  @RequestParam(required = false) String minAmount,
                                  @RequestParam(required = false) String maxAmount) {
        return statements.movements(customerId, accountId, before, limit, from, to, direction, minAmount, maxAmount);
    }

    @GetMapping("/customers/{customerId}/accounts/{accountId}/statement")
    @Operation(summary = "The statement of a period (at most 366 days; by default the last 366) as csv or pdf")
    ResponseEntity<byte[]> statement(@PathVariable UUID customerId, @PathVariable UUID accountId,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "pdf") String format) {
        AccountStatements.Statement statement = statements.statement(customerId, accountId, from, to, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(statement.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(statement.fileName()).build().toString())
                .body(statement.content());
    }
}
