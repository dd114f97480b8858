package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.faults.Fault;
import io.quipu.sandbox.domain.faults.FaultBook;
import io.quipu.sandbox.domain.faults.FaultMode;
import io.quipu.sandbox.domain.faults.FaultRules;
import io.quipu.sandbox.domain.faults.Provider;

class FaultBookTest {

    @Test
    void aCountedFaultAffectsExactlyThatManyCalls() {
        FaultBook book = new FaultBook();
        book.set(new Fault(Provider.REGISTRY, FaultMode.DOWN, 0, 2));
        assertThat(book.takeFor(Provider.BIOMETRICS)).isEmpty();
        assertThat(book.takeFor(Provider.REGISTRY)).get().extracting(Fault::remainingCalls).isEqualTo(2);
        assertThat(book.active()).singleElement().extracting(Fault::remainingCalls).isEqualTo(1);
        assertThat(book.takeFor(Provider.REGISTRY)).isPresent();
        assertThat(book.takeFor(Provider.REGISTRY)).isEmpty();
        assertThat(book.active()).isEmpty();
    }

    @Test
    void aFaultUntilClearedStaysUntilCleared() {
        FaultBook book = new FaultBook();
        book.set(new Fault(Provider.ESIGN, FaultMode.SLOW, 100, Fault.UNTIL_CLEARED));
        book.set(new Fault(Provider.SCREENING, FaultMode.DOWN, 0, Fault.UNTIL_CLEARED));
        for (int call = 0; call < 100; call++) {
            assertThat(book.takeFor(Provider.ESIGN)).get().extracting(Fault::delayMillis).isEqualTo(100L);
        }
        book.clear(Provider.ESIGN);
        assertThat(book.takeFor(Provider.ESIGN)).isEmpty();
        book.clearAll();
        assertThat(book.active()).isEmpty();
    }

    @Test
    void providersAreFoundByTheirPathPrefix() {
        assertThat(Provider.ofPath("/registry/v1/persons/DNI/1")).contains(Provider.REGISTRY);
        assertThat(Provider.ofPath("/esign/v1/signatures")).contains(Provider.ESIGN);
        assertThat(Provider.ofPath("/sandbox/registry/persons/DNI/1")).isEmpty();
        assertThat(Provider.ofPath("/registryx/v1")).isEmpty();
        assertThat(Provider.ofPath("/push/v1/messages")).contains(Provider.PUSH);
        assertThat(Provider.ofPath("/sandbox/push/devices")).isEmpty();
    }

    @Test
    void checksTheFault() {
        assertThat(FaultRules.check("down", null, null)).isEmpty();
        assertThat(FaultRules.check("slow", 60_000L, 1)).isEmpty();
        assertThat(FaultRules.check("slow", null, -1)).extracting(Violation::field).containsExactly("delayMillis");
        assertThat(FaultRules.check("off", 60_001L, 0)).extracting(Violation::field).containsExactly("mode", "delayMillis", "remainingCalls");
    }
}
