package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void demoLoginsNameTheDefaultPorts() {
        String logins = Summary.demoLogins(Settings.from(Map.of(), "/repo"));
        assertThat(logins).contains("http://localhost:8080", "curl -X POST localhost:8081/auth/login",
                "sandbox inbox, http://localhost:8099", "localhost:8081/oauth2/token");
        assertThat(logins).doesNotContain("{gateway}", "{identity}", "{sandbox}");
    }

    @Test
    void demoLoginsMoveWithThePortOffset() {
        String logins = Summary.demoLogins(Settings.from(Map.of("QUIPU_PORT_OFFSET", "1000"), "/repo"));
        assertThat(logins).contains("http://localhost:9080", "curl -X POST localhost:9081/auth/login",
                "localhost:9081/auth/verify-otp", "http://localhost:9099");
        assertThat(logins).doesNotContain("localhost:8080", "localhost:8081", "localhost:8099");
    }
}
