package io.quipu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class HelpersTest {

    @Test
    void uuid7CarriesVersionVariantAndTheMillisecond() {
        UUID id = Uuid7.of(0x0123_4567_89ABL, -1L, -1L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).startsWith("01234567-89ab-7fff-bfff-");
        assertThat(Uuid7.next().version()).isEqualTo(7);
    }

    @Test
    void amountsAreWrittenAsDecimalStrings() {
        assertThat(LedgerBenchmark.decimal(5)).isEqualTo("0.05");
        assertThat(LedgerBenchmark.decimal(100)).isEqualTo("1.00");
        assertThat(LedgerBenchmark.decimal(12345)).isEqualTo("123.45");
        assertThat(LedgerBenchmark.decimal(-7)).isEqualTo("-0.07");
    }

    @Test
    void batchResultsAreReadInOrder() {
        String body = """
                {"results":[{"index":0,"id":"a","result":"ok","transfer":{"code":"bench_transfer","metadata":null}},
                            {"index":1,"id":"b","result":"exceeds_credits","transfer":null}]}""";
        assertThat(LedgerHttp.batchResults(body.getBytes(StandardCharsets.UTF_8))).containsExactly("ok", "exceeds_credits");
    }

    @Test
    void markdownTablePadsAndAlignsColumns() {
        String table = new MarkdownTable("scenario", ">transfers/s").row("batch", "31,000").row("single | http", "5").render();
        assertThat(table).isEqualTo("""
                | scenario       | transfers/s |
                | -------------- | ----------: |
                | batch          |      31,000 |
                | single \\| http |           5 |
                """);
        assertThat(List.of(MarkdownTable.number(31234.4), MarkdownTable.number(12.34), MarkdownTable.millis(3.456),
                MarkdownTable.millis(null))).containsExactly("31,234", "12.3", "3.46", "–");
    }

    @Test
    void procStatLinesAreParsedEvenWithParenthesesInTheCommandName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws java.io.IOException {
        java.nio.file.Path stat = directory.resolve("stat");
        java.nio.file.Files.writeString(stat,
                "4242 (postgres: (x) y) S 77 4242 4242 0 -1 4194560 900 0 0 0 1234 567 89 10 20 0 1 0 5000 1000 200\n");
        assertThat(CpuSampler.stat(stat)).containsExactly(77, 1234, 567, 89, 10);
        assertThat(CpuSampler.stat(directory.resolve("missing"))).isNull();
        assertThat(CpuSampler.isLoadGenerator("bench-single-3")).isTrue();
        assertThat(CpuSampler.isLoadGenerator("kafka-request-handler-0")).isFalse();
    }

    @Test
    void theKafkaBrokerChildTakesTopicsAsNameEqualsPartitionsAndRefusesAnythingElse() {
        assertThat(KafkaBrokerProcess.topics(java.util.List.of("transfers=6", "audit-logs=12")))
                .containsExactly(java.util.Map.entry("transfers", 6), java.util.Map.entry("audit-logs", 12));
        for (String wrong : new String[] {"transfers", "transfers=0", "transfers=65", "=6", "transfers=six"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> KafkaBrokerProcess.topics(java.util.List.of(wrong)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(wrong);
        }
    }

    @Test
    void theJitCompilerThreadsOfAJvmAreFoundAndTheirCpuCounted() {
        // This JVM has compiled the test framework by now: its compiler threads have used CPU.
        assertThat(CpuSampler.compilerThreadTicks(ProcessHandle.current().pid())).isPositive();
        assertThat(CpuSampler.compilerThreadTicks(Long.MAX_VALUE)).isZero();
    }

    @Test
    void optionsHaveDefaultsAndParse() {
        LedgerBenchmark.Options defaults = LedgerBenchmark.Options.parse(new String[] {"ledger"});
        assertThat(defaults.seconds()).isEqualTo(20);
        assertThat(defaults.durable()).isTrue();
        assertThat(defaults.only()).containsExactlyElementsOf(LedgerBenchmark.SCENARIOS);
        assertThat(defaults.ledgerWarmupSeconds()).isEqualTo(60);
        assertThat(defaults.ledgerWarmupMaxSeconds()).isEqualTo(300);

        LedgerBenchmark.Options custom = LedgerBenchmark.Options.parse(new String[] {"--seconds", "5", "--keep",
                "--only", "single,hot-single", "--ledger-jvm", "-Xmx512m -XX:+UseSerialGC", "--no-fsync",
                "--ledger-warmup", "90", "--ledger-warmup-max", "30"});
        assertThat(custom.seconds()).isEqualTo(5);
        assertThat(custom.keep()).isTrue();
        assertThat(custom.durable()).isFalse();
        assertThat(custom.only()).containsExactly("single", "hot-single");
        assertThat(custom.ledgerJvmOptions()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
        assertThat(custom.ledgerWarmupSeconds()).isEqualTo(90);
        assertThat(custom.ledgerWarmupMaxSeconds()).as("never less than the minimum").isEqualTo(90);
    }
}
