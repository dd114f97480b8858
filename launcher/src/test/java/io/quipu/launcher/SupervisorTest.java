package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.quipu.platform.embedded.FreePorts;

/** The supervisor against real processes: a stand-in service JVM that it starts, loses and restarts. */
class SupervisorTest {

    private static final ServiceDefinition SANDBOX = ServiceCatalog.find("sandbox").orElseThrow();

    @TempDir
    Path directory;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Supervisor supervisor;

    @BeforeEach
    void captureTheLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(Supervisor.class)).addAppender(logged);
    }

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        ((Logger) LoggerFactory.getLogger(Supervisor.class)).detachAppender(logged);
    }

    @Test
    void aServiceThatIsKilledIsRestarted() throws Exception {
        ServiceProcess service = standIn(standInJar());
        supervise(service, 30_000);
        assertThat(service.state()).isEqualTo(ServiceProcess.State.READY);
        long firstPid = service.pid().orElseThrow();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(20)).until(() -> service.state() == ServiceProcess.State.READY
                && service.pid().orElseThrow() != firstPid);
        assertThat(service.restarts()).isEqualTo(1);
        assertThat(messages()).contains("auto-healing: restarted sandbox (process exited with status 137)");
    }

    @Test
    void aServiceWhoseReadinessKeepsFailingIsRestarted() throws Exception {
        ServiceProcess service = standIn(standInJar());
        supervise(service, 3_000);
        long firstPid = service.pid().orElseThrow();

        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/unready"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

        await().atMost(Duration.ofSeconds(20)).until(() -> service.state() == ServiceProcess.State.READY
                && service.pid().orElseThrow() != firstPid);
        assertThat(ProcessHandle.of(firstPid)).isEmpty();
        assertThat(messages()).contains("sandbox fails its readiness check",
                "auto-healing: restarted sandbox (readiness failing for 3.0 s)");
    }

    @Test
    void aServiceThatDiesOnEveryStartIsGivenUpOnAfterThreeRestarts() throws Exception {
        ServiceProcess service = standIn(Files.writeString(directory.resolve("broken-exec.jar"), "not a jar"));
        supervise(service, 30_000);

        assertThat(service.state()).isEqualTo(ServiceProcess.State.FAILED);
        assertThat(service.restarts()).isEqualTo(3);
        assertThat(service.isAlive()).isFalse();
        assertThat(messages()).filteredOn(message -> message.startsWith("auto-healing: restarted sandbox")).hasSize(3);
        assertThat(messages()).anySatisfy(message -> assertThat(message).startsWith("auto-healing: gave up on sandbox"));
        assertThat(Files.readString(service.logFile())).contains("Invalid or corrupt jarfile");
    }

    @Test
    void aServiceWhosePortIsTakenIsNotStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServiceProcess service = new ServiceProcess(SANDBOX, taken.getLocalPort(), standInJar(),
                    directory.resolve("sandbox.log"), directory.resolve("data"), Map.of("SERVER_PORT", String.valueOf(taken.getLocalPort())));
            supervise(service, 30_000);
            assertThat(service.state()).isEqualTo(ServiceProcess.State.FAILED);
            assertThat(service.pid()).isEmpty();
            assertThat(messages()).anySatisfy(message -> assertThat(message)
                    .contains("port " + taken.getLocalPort() + " is already in use"));
        }
    }

    @Test
    void closingStopsTheServices() throws Exception {
        ServiceProcess service = standIn(standInJar());
        supervise(service, 30_000);
        ProcessHandle process = ProcessHandle.of(service.pid().orElseThrow()).orElseThrow();

        supervisor.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(service.state()).isEqualTo(ServiceProcess.State.STOPPED);
    }

    private ServiceProcess standIn(Path jar) {
        int port = FreePorts.find();
        return new ServiceProcess(SANDBOX, port, jar, directory.resolve("sandbox.log"), directory.resolve("data"),
                Map.of("SERVER_PORT", String.valueOf(port)));
    }

    private void supervise(ServiceProcess service, long unhealthyRestartAfterMillis) throws InterruptedException {
        supervisor = new Supervisor(List.of(service), () -> { }, unhealthyRestartAfterMillis);
        supervisor.watch();
        supervisor.startAll();
    }

    private List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** A runnable jar holding just {@link StandInService}, which needs nothing but the JDK. */
    private Path standInJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        Path jar = directory.resolve("stand-in-exec.jar");
        String entry = StandInService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = StandInService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
