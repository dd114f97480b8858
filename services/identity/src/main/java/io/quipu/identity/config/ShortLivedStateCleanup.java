package io.quipu.identity.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.quipu.identity.store.LoginTransactionStore;
import io.quipu.identity.store.PasskeyStore;
import io.quipu.identity.store.PasswordResetStore;
import io.quipu.identity.store.SpentRefreshTokenStore;
import io.quipu.identity.store.RefreshTokenStore;
import io.quipu.identity.store.StepUpStore;

/**
 * Deletes expired login transactions, passkey challenges, step-ups, password resets, refresh tokens and client-credentials authorizations, in bounded batches, so
 * the short-lived state stays small without Redis.
 */
@Component
public class ShortLivedStateCleanup {

    private static final Logger log = LoggerFactory.getLogger(ShortLivedStateCleanup.class);
    static final int BATCH_SIZE = 1000;
    static final int MAX_BATCHES_PER_RUN = 10;
    /** Expired rows stay a little, for support questions about a login that just failed. */
    static final Duration GRACE = Duration.ofHours(1);

    private final LoginTransactionStore logins;
    private final RefreshTokenStore refreshTokens;
    private final PasskeyStore passkeys;
    private final StepUpStore stepUps;
    private final PasswordResetStore passwordResets;
    private final SpentRefreshTokenStore spentRefreshTokens;
    private final JdbcClient jdbc;
    private final Clock clock;

    ShortLivedStateCleanup(LoginTransactionStore logins, RefreshTokenStore refreshTokens, PasskeyStore passkeys, StepUpStore stepUps,
                           PasswordResetStore passwordResets, SpentRefreshTokenStore spentRefreshTokens, JdbcClient jdbc,
                           Clock clock) {
        this.logins = logins;
        this.refreshTokens = refreshTokens;
        this.passkeys = passkeys;
        this.stepUps = stepUps;
        this.passwordResets = passwordResets;
        this.spentRefreshTokens = spentRefreshTokens;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${quipu.identity.cleanup-interval:1m}", initialDelayString = "${quipu.identity.cleanup-interval:1m}")
    public void deleteExpired() {
        try {
            Instant before = clock.instant().minus(GRACE);
            int deleted = 0;
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                // Challenges first: a login's challenges would otherwise go with it by cascade, uncounted.
                int now = passkeys.deleteExpiredChallenges(before, BATCH_SIZE)
                        + logins.deleteExpired(before, BATCH_SIZE) + refreshTokens.deleteExpired(before, BATCH_SIZE)
                        + deleteExpiredAuthorizations(before) + stepUps.deleteExpired(before, BATCH_SIZE)
                        + passwordResets.deleteExpired(before, BATCH_SIZE)
                        + spentRefreshTokens.deleteExpired(before, BATCH_SIZE);
                deleted += now;
                if (now == 0) {
                    break;
                }
            }
            if (deleted > 0) {
                log.info("deleted {} expired rows of short-lived state (logins, challenges, step-ups, resets, tokens)", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("clean-up of expired login state failed, will retry: {}", e.toString());
        }
    }

    private int deleteExpiredAuthorizations(Instant before) {
        return jdbc.sql("""
                        delete from oauth2_authorization where id in (
                            select id from oauth2_authorization
                            -- greatest() skips nulls: the last of the code, access and refresh tokens to expire
                            where greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at) < :before
                            limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", BATCH_SIZE)
                .update();
    }
}
