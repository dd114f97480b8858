package io.quipu.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {

    private final OneTimePasswords otps = new OneTimePasswords(new SecureRandom(), "a-secret-of-at-least-thirty-two-bytes!".getBytes());
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void codesAreSixDigitsAndVary() {
        Set<String> codes = new HashSet<>();
        for (int index = 0; index < 200; index++) {
            String code = otps.generate();
            assertThat(code).matches("\\d{6}");
            codes.add(code);
        }
        assertThat(codes.size()).isGreaterThan(190);
    }

    @Test
    void hashIsBoundToTheLoginAndMatchesOnlyTheCode() {
        UUID login = UUID.randomUUID();
        byte[] hash = otps.hash(login, "123456");
        assertThat(otps.matches(login, "123456", hash)).isTrue();
        assertThat(otps.matches(login, "123457", hash)).isFalse();
        assertThat(otps.matches(UUID.randomUUID(), "123456", hash)).isFalse();
        assertThat(otps.matches(login, "12345", hash)).isFalse();
        assertThat(otps.matches(login, null, hash)).isFalse();
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new OneTimePasswords(new SecureRandom(), new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loginTransactionAcceptsOnceWithinFiveMinutesAndFiveTries() {
        LoginTransaction fresh = new LoginTransaction(UUID.randomUUID(), UUID.randomUUID(), new byte[0], 0,
                LoginTransaction.Status.PENDING, NOW.plus(LoginTransaction.LIFETIME));
        assertThat(fresh.check(true, NOW)).isEqualTo(LoginTransaction.Check.ACCEPTED);
        assertThat(fresh.check(false, NOW)).isEqualTo(LoginTransaction.Check.WRONG);
        assertThat(fresh.check(true, NOW.plus(Duration.ofMinutes(5)))).isEqualTo(LoginTransaction.Check.UNUSABLE);

        LoginTransaction fourWrong = new LoginTransaction(fresh.id(), fresh.userId(), new byte[0], 4,
                LoginTransaction.Status.PENDING, fresh.expiresAt());
        assertThat(fourWrong.check(false, NOW)).isEqualTo(LoginTransaction.Check.WRONG_AND_EXHAUSTED);
        assertThat(fourWrong.attemptsLeftAfterWrongCode()).isZero();

        LoginTransaction completed = new LoginTransaction(fresh.id(), fresh.userId(), new byte[0], 0,
                LoginTransaction.Status.COMPLETED, fresh.expiresAt());
        assertThat(completed.check(true, NOW)).isEqualTo(LoginTransaction.Check.UNUSABLE);
    }

    @Test
    void audiencesAreTheServicesTheScopesName() {
        assertThat(Audiences.fromScopes(Set.of("ledger:write", "ledger:read", "identity:write", "openid")))
                .containsExactly("identity", "ledger");
        assertThat(Audiences.fromScopes(Set.of("openid"))).isEmpty();
    }
}
