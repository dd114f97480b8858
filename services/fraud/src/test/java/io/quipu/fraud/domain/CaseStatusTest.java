package io.quipu.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseStatusTest {

    @ParameterizedTest
    @CsvSource({"APPROVED", "REJECTED"})
    void anOpenCaseIsResolvedOnce(CaseStatus resolution) {
        assertThat(CaseStatus.OPEN.resolve(resolution)).isEqualTo(resolution);
        for (CaseStatus again : new CaseStatus[] {CaseStatus.APPROVED, CaseStatus.REJECTED}) {
            assertThatThrownBy(() -> resolution.resolve(again)).isInstanceOf(CaseStatus.CaseAlreadyResolved.class)
                    .hasMessageContaining(resolution.code());
        }
    }

    @Test
    void openIsNoResolution() {
        assertThatThrownBy(() -> CaseStatus.OPEN.resolve(CaseStatus.OPEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codes() {
        assertThat(CaseStatus.ofCode("open")).isEqualTo(CaseStatus.OPEN);
        assertThat(CaseStatus.REJECTED.code()).isEqualTo("rejected");
        assertThatThrownBy(() -> CaseStatus.ofCode("OPEN")).isInstanceOf(IllegalArgumentException.class);
    }
}
