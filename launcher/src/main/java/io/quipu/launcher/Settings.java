package io.quipu.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the local run keeps its files and which ports it uses, from the environment.
 *
 * @param repositoryRoot the checkout, where the service jars are built ({@code -Dquipu.home}, else the current directory)
 * @param stateDirectory data, logs, state file and pid file ({@code QUIPU_STATE_DIR}, else {@code <root>/.quipu})
 * @param portOffset     added to every service's port, so that a second run (a test) does not clash with the first
 * @param seedOnFirstStart whether {@code run} seeds demo data when nothing was seeded yet ({@code QUIPU_SEED=0}: not)
 */
record Settings(Path repositoryRoot, Path stateDirectory, int postgresPort, int kafkaPort, int portOffset,
                boolean seedOnFirstStart) {

    static final String HOME_PROPERTY = "quipu.home";
    static final String STATE_DIRECTORY_VARIABLE = "QUIPU_STATE_DIR";
    static final String POSTGRES_PORT_VARIABLE = "QUIPU_POSTGRES_PORT";
    static final String KAFKA_PORT_VARIABLE = "QUIPU_KAFKA_PORT";
    static final String PORT_OFFSET_VARIABLE = "QUIPU_PORT_OFFSET";
    static final String SEED_VARIABLE = "QUIPU_SEED";
    static final int DEFAULT_POSTGRES_PORT = 15432;
    static final int DEFAULT_KAFKA_PORT = 19092;

    static Settings from(Map<String, String> environment, String homeProperty) {
        Path root = Path.of(homeProperty == null || homeProperty.isBlank() ? "." : homeProperty).toAbsolutePath().normalize();
        String stateDirectory = environment.get(STATE_DIRECTORY_VARIABLE);
        Path state = stateDirectory == null || stateDirectory.isBlank()
                ? root.resolve(".quipu")
                : Path.of(stateDirectory).toAbsolutePath().normalize();
        int offset = integer(environment, PORT_OFFSET_VARIABLE, 0);
        if (offset < 0 || offset + 8099 > 65535) {
            throw new IllegalArgumentException(PORT_OFFSET_VARIABLE + " must keep every service port within 1-65535: " + offset);
        }
        return new Settings(root, state,
                port(environment, POSTGRES_PORT_VARIABLE, DEFAULT_POSTGRES_PORT),
                port(environment, KAFKA_PORT_VARIABLE, DEFAULT_KAFKA_PORT),
                offset,
                seed(environment));
    }

    Path dataDirectory() {
        return stateDirectory.resolve("data");
    }

    Path logDirectory() {
        return stateDirectory.resolve("logs");
    }

    Path stateFile() {
        return stateDirectory.resolve("state.json");
    }

    Path pidFile() {
        return stateDirectory.resolve("launcher.pid");
    }

    int portOf(ServiceDefinition service) {
        return service.port() + portOffset;
    }

    /** A service's other ports, moved by the same offset, by the environment variable that sets each one. */
    Map<String, Integer> additionalPortsOf(ServiceDefinition service) {
        Map<String, Integer> ports = new TreeMap<>();
        service.additionalPorts().forEach((variable, port) -> ports.put(variable, port + portOffset));
        return ports;
    }

    private static boolean seed(Map<String, String> environment) {
        String value = environment.get(SEED_VARIABLE);
        if (value == null || value.isBlank() || value.trim().equals("1")) {
            return true;
        }
        if (value.trim().equals("0")) {
            return false;
        }
        throw new IllegalArgumentException(SEED_VARIABLE + " must be 0 (do not seed demo data) or 1: " + value);
    }

    private static int port(Map<String, String> environment, String variable, int defaultPort) {
        int port = integer(environment, variable, defaultPort);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(variable + " must be a port number (1-65535): " + port);
        }
        return port;
    }

    private static int integer(Map<String, String> environment, String variable, int defaultValue) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a number: " + value, e);
        }
    }
}
