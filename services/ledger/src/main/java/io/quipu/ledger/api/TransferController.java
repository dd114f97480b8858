package io.quipu.ledger.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.ledger.BatchTransferRequest;
import io.quipu.contracts.ledger.BatchTransferResponse;
import io.quipu.contracts.ledger.TransferRequest;
import io.quipu.contracts.ledger.TransferResponse;
import io.quipu.contracts.ledger.TransferResult;
import io.quipu.ledger.domain.ResultCode;
import io.quipu.ledger.domain.TransferCommand;
import io.quipu.ledger.domain.TransferEngine;
import io.quipu.ledger.store.LedgerStore;
import io.quipu.ledger.store.TransferWriter;
import io.quipu.platform.web.ApiException;

@RestController
class TransferController {

    private final TransferWriter writer;
    private final LedgerStore store;
    private final LedgerMapping mapping;
    private final Duration requestTimeout;

    TransferController(TransferWriter writer, LedgerStore store, LedgerMapping mapping,
                       @Value("${quipu.ledger.request-timeout}") Duration requestTimeout) {
        this.writer = writer;
        this.store = store;
        this.mapping = mapping;
        this.requestTimeout = requestTimeout;
    }

    /**
     * One transfer: 201 when applied, 200 when it existed already, 422 with the result code when refused. Most requests
     * are served by {@link TransferServlet} in front of this method; it receives those whose body needs explaining.
     */
    @PostMapping("/transfers")
    ResponseEntity<TransferResult> create(@Valid @RequestBody TransferRequest request) {
        return answer(execute(List.of(mapping.command(request, "body"))).get(0));
    }

    /** The answer to one transfer; also {@link TransferServlet}'s, which serves most of them. */
    ResponseEntity<TransferResult> answer(TransferResult result) {
        if (result.result().equals(ResultCode.OK.code())) {
            return ResponseEntity.status(HttpStatus.CREATED).body(result);
        }
        if (result.result().equals(ResultCode.EXISTS.code())) {
            return ResponseEntity.ok(result);
        }
        throw ApiException.unprocessable(result.result(), "The transfer was refused: " + result.result() + ".");
    }

    /** Up to 8,190 transfers in order; one result each. Refusals are results here, not errors. */
    @PostMapping("/transfers/batch")
    BatchTransferResponse batch(@Valid @RequestBody BatchTransferRequest request) {
        List<TransferCommand> commands = new ArrayList<>(request.transfers().size());
        for (int index = 0; index < request.transfers().size(); index++) {
            commands.add(mapping.command(request.transfers().get(index), "transfers[" + index + "]"));
        }
        return new BatchTransferResponse(execute(commands));
    }

    @GetMapping("/transfers/{id}")
    TransferResponse find(@PathVariable UUID id) {
        return store.findTransfer(id).map(mapping::response)
                .orElseThrow(() -> ApiException.notFound("transfer_not_found", "No transfer " + id + "."));
    }

    List<TransferResult> execute(List<TransferCommand> commands) {
        List<TransferEngine.Result> results;
        try {
            results = writer.submit(commands, requestTimeout).get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferWriter.LedgerBusyException();
        } catch (ExecutionException | TimeoutException e) {
            // The batch may still commit; the same ids retried later answer "exists".
            throw new TransferWriter.LedgerBusyException();
        }
        List<TransferResult> response = new ArrayList<>(results.size());
        for (int index = 0; index < results.size(); index++) {
            TransferEngine.Result result = results.get(index);
            response.add(new TransferResult(index, commands.get(index).id(), result.code().code(),
                    result.transfer() == null ? null : mapping.response(result.transfer())));
        }
        return response;
    }
}
