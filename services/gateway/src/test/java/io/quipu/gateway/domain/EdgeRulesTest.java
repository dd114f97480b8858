package io.quipu.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EdgeRulesTest {

    @Test
    void aTokenPassesTheEdgeWhenItsAudienceNamesTheGatewayOrTheRoutesService() {
        assertThat(EdgeAudience.accepts(List.of("gateway", "ledger"), "loans")).as("login token: the service decides").isTrue();
        assertThat(EdgeAudience.accepts(List.of("payments"), "payments")).as("partner token for its service").isTrue();
        assertThat(EdgeAudience.accepts(List.of("payments"), "ledger")).isFalse();
        assertThat(EdgeAudience.accepts(List.of("payments"), null)).as("the gateway's own paths").isFalse();
        assertThat(EdgeAudience.accepts(List.of(), "ledger")).isFalse();
        assertThat(EdgeAudience.accepts(null, "ledger")).isFalse();
    }

    @Test
    void anAccessTokenIsRefreshedWithinTheMarginBeforeItExpires() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        SessionTokens tokens = new SessionTokens("access", "refresh", "subject", null, null,
                now.plusSeconds(90), now.plus(Duration.ofDays(30)));

        assertThat(tokens.accessTokenNeedsRefresh(now, Duration.ofSeconds(60))).isFalse();
        assertThat(tokens.accessTokenNeedsRefresh(now.plusSeconds(30), Duration.ofSeconds(60))).isTrue();
        assertThat(tokens.refreshTokenExpired(now)).isFalse();
        assertThat(tokens.refreshTokenExpired(now.plus(Duration.ofDays(30)))).isTrue();
        assertThat(tokens.roles()).isEmpty();
    }

    @Test
    void sessionTokensNeverShowTheTokensInText() {
        SessionTokens tokens = new SessionTokens("secret-access", "secret-refresh", "subject", "customer", List.of(),
                Instant.now(), Instant.now());
        assertThat(tokens.toString()).doesNotContain("secret-access").doesNotContain("secret-refresh").contains("subject");
    }

    @Test
    void rateLimitsAreBounded() {
        assertThat(new RateLimit(10, Duration.ofMinutes(1)).requests()).isEqualTo(10);
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(10, Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
