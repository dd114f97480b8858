package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void noArgumentsMeansTheWholePlatform() {
        assertThat(RunOptions.parse(List.of()).only()).isEmpty();
    }

    @Test
    void onlyTakesACommaSeparatedList() {
        assertThat(RunOptions.parse(List.of("--only", "ledger,identity")).only()).hasValueSatisfying(
                names -> assertThat(names).containsExactly("ledger", "identity"));
    }

    @Test
    void onlyAcceptsTheEqualsFormSpacesAndRepetition() {
        assertThat(RunOptions.parse(List.of("--only=ledger, identity,", "--only", "payments")).only()).hasValueSatisfying(
                names -> assertThat(names).containsExactly("ledger", "identity", "payments"));
    }

    @Test
    void onlyWithoutNamesIsRejected() {
        assertThatThrownBy(() -> RunOptions.parse(List.of("--only"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--only needs a list of services");
        assertThatThrownBy(() -> RunOptions.parse(List.of("--only=,"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownOptionsAreRejected() {
        assertThatThrownBy(() -> RunOptions.parse(List.of("--fast"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option for run: --fast");
    }
}
