package io.quipu.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PasskeysTest {

    @Test
    void labelsAreTrimmedCleanedAndBounded() {
        assertThat(Passkeys.normalizeLabel("  Ana's phone \n")).contains("Ana's phone");
        assertThat(Passkeys.normalizeLabel("lap\u0007top")).contains("laptop");
        assertThat(Passkeys.normalizeLabel(null)).contains(Passkeys.DEFAULT_LABEL);
        assertThat(Passkeys.normalizeLabel("   ")).contains(Passkeys.DEFAULT_LABEL);
        assertThat(Passkeys.normalizeLabel("x".repeat(Passkeys.MAX_LABEL_LENGTH))).isPresent();
        assertThat(Passkeys.normalizeLabel("x".repeat(Passkeys.MAX_LABEL_LENGTH + 1))).isEmpty();
    }

    @Test
    void theUserHandleIsTheUserIdAndBack() {
        UUID userId = UUID.randomUUID();
        byte[] handle = Passkeys.userHandle(userId);
        assertThat(handle).hasSize(16);
        assertThat(Passkeys.userIdOfHandle(handle)).contains(userId);
        assertThat(Passkeys.userIdOfHandle(new byte[15])).isEmpty();
        assertThat(Passkeys.userIdOfHandle(null)).isEmpty();
    }

    @Test
    void aChallengeIsAnsweredOnceBeforeItExpires() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Instant expiresAt = now.plus(Passkeys.CHALLENGE_LIFETIME);
        assertThat(Passkeys.isChallengeUsable(expiresAt, null, now)).isTrue();
        assertThat(Passkeys.isChallengeUsable(expiresAt, null, expiresAt)).isFalse();
        assertThat(Passkeys.isChallengeUsable(expiresAt, now, now)).isFalse();
    }
}
