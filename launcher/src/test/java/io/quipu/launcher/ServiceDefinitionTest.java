package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDefinitionTest {

    @TempDir
    Path root;

    private final ServiceDefinition ledger = ServiceCatalog.find("ledger").orElseThrow();

    @Test
    void aModuleThatWasNotBuiltHasNoJar() {
        assertThat(ledger.executableJar(root)).isEmpty();
    }

    @Test
    void theNewestExecutableJarWinsAndThePlainJarIsIgnored() throws Exception {
        Path target = Files.createDirectories(root.resolve("services/ledger/target"));
        Path old = Files.writeString(target.resolve("quipu-ledger-0.1.0-SNAPSHOT-exec.jar"), "old");
        Path newer = Files.writeString(target.resolve("quipu-ledger-0.2.0-SNAPSHOT-exec.jar"), "new");
        Path plain = Files.writeString(target.resolve("quipu-ledger-0.3.0-SNAPSHOT.jar"), "plain");
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000));
        Files.setLastModifiedTime(plain, FileTime.fromMillis(3_000));
        assertThat(ledger.executableJar(root)).contains(newer);
    }
}
