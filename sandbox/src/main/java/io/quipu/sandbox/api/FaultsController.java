package io.quipu.sandbox.api;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.faults.Fault;
import io.quipu.sandbox.domain.faults.FaultBook;
import io.quipu.sandbox.domain.faults.FaultMode;
import io.quipu.sandbox.domain.faults.FaultRules;
import io.quipu.sandbox.domain.faults.Provider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The control panel of fault injection: make a provider down or slow for its next calls. */
@RestController
@RequestMapping("/sandbox/faults")
@Tag(name = "Faults", description = "Make a provider (registry, biometrics, screening, esign, clearing, swift, fx, push) down or slow.")
public class FaultsController {

    private final FaultBook faultBook;

    public FaultsController(FaultBook faultBook) {
        this.faultBook = faultBook;
    }

    /** {@code remainingCalls}: how many next calls are affected, -1 (the default) until cleared. */
    public record FaultRequest(String mode, Long delayMillis, Integer remainingCalls) {
    }

    public record FaultView(String provider, String mode, long delayMillis, int remainingCalls) {
        static FaultView of(Fault fault) {
            return new FaultView(fault.provider().apiName(), fault.mode().apiName(), fault.delayMillis(), fault.remainingCalls());
        }
    }

    @GetMapping
    @Operation(summary = "The faults in force")
    public List<FaultView> active() {
        return faultBook.active().stream().map(FaultView::of).toList();
    }

    @PutMapping("/{provider}")
    @Operation(summary = "Make a provider down (503) or slow (answers after delayMillis) for its next remainingCalls calls")
    public FaultView set(@PathVariable String provider, @RequestBody FaultRequest request) {
        Provider target = provider(provider);
        RequestChecks.throwIfAny(FaultRules.check(request.mode(), request.delayMillis(), request.remainingCalls()));
        FaultMode mode = FaultMode.ofApiName(request.mode()).orElseThrow();
        long delayMillis = mode == FaultMode.SLOW ? request.delayMillis() : 0;
        int remainingCalls = request.remainingCalls() == null ? Fault.UNTIL_CLEARED : request.remainingCalls();
        Fault fault = new Fault(target, mode, delayMillis, remainingCalls);
        faultBook.set(fault);
        return FaultView.of(fault);
    }

    @DeleteMapping("/{provider}")
    @Operation(summary = "Clear a provider's fault")
    public ResponseEntity<Void> clear(@PathVariable String provider) {
        faultBook.clear(provider(provider));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "Clear every fault")
    public ResponseEntity<Void> clearAll() {
        faultBook.clearAll();
        return ResponseEntity.noContent().build();
    }

    private static Provider provider(String name) {
        return Provider.ofApiName(name).orElseThrow(() -> ApiException.invalidField("provider", "invalid_value",
                "must be one of: " + Provider.apiNames()));
    }
}
