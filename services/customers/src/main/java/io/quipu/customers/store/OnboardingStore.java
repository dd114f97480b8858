package io.quipu.customers.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.quipu.customers.domain.OnboardingCase;
import io.quipu.customers.domain.OnboardingState;
import io.quipu.customers.domain.OnboardingTransition;
import io.quipu.customers.domain.RejectionReason;

/** Onboarding cases and their append-only history of transitions. */
@Repository
public class OnboardingStore {

    /** Upper bound of cases the resumer claims at once. */
    public static final int MAX_CLAIM = 50;

    /**
     * A case and its history in one statement, so both come from one snapshot: read apart, a step committed in between
     * would pair the old state with the new history.
     */
    private static final String SELECT_WITH_HISTORY = """
            select c.*,
                array(select from_state from onboarding_transitions t where t.case_id = c.id order by sequence) as history_from,
                array(select to_state from onboarding_transitions t where t.case_id = c.id order by sequence) as history_to,
                array(select at from onboarding_transitions t where t.case_id = c.id order by sequence) as history_at,
                array(select detail from onboarding_transitions t where t.case_id = c.id order by sequence) as history_detail
            from onboarding_cases c""";

    private final JdbcClient jdbc;

    public OnboardingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void insert(OnboardingRecord record, byte[] resumeTokenHash, Instant now) {
        jdbc.sql("""
                        insert into onboarding_cases (id, customer_id, resume_token_hash, state, photo_reference, account_id, created_at,
                            updated_at, expires_at, version)
                        values (:id, :customerId, :tokenHash, :state, :photoReference, :accountId, :now, :now, :expiresAt, 0)""")
                .param("id", record.id()).param("customerId", record.customerId()).param("tokenHash", resumeTokenHash)
                .param("state", record.onboarding().state().name()).param("photoReference", record.photoReference())
                .param("accountId", record.accountId())
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(record.expiresAt()))
                .update();
        insertTransitions(record.id(), record.onboarding().transitions(), 0);
    }

    /**
     * Saves the record if the stored case is still at the version it was read at, with the transitions it added.
     *
     * @return false when the case moved meanwhile (another request or the resumer did the step): nothing was written
     */
    // One transaction: a reader never sees the new state without the transition that led to it.
    @Transactional
    public boolean save(OnboardingRecord record, Instant now) {
        int updated = jdbc.sql("""
                        update onboarding_cases set state = :state, rejection_reason = :rejectionReason,
                            photo_reference = :photoReference, selfie_attempts = :selfieAttempts,
                            biometric_verification = :biometricVerification, screening_check_id = :screeningCheckId,
                            user_id = :userId, username = :username, account_currency = :accountCurrency,
                            account_number = :accountNumber, cci = :cci, contract_document_id = :contractDocumentId,
                            attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :lastError,
                            updated_at = :now, version = version + 1
                        where id = :id and version = :version""")
                .param("state", record.onboarding().state().name())
                .param("rejectionReason", record.onboarding().rejectionReason() == null ? null : record.onboarding().rejectionReason().name())
                .param("photoReference", record.photoReference())
                .param("selfieAttempts", record.selfieAttempts())
                .param("biometricVerification", record.biometricVerification())
                .param("screeningCheckId", record.screeningCheckId())
                .param("userId", record.userId())
                .param("username", record.username())
                .param("accountCurrency", record.accountCurrency())
                .param("accountNumber", record.accountNumber())
                .param("cci", record.cci())
                .param("contractDocumentId", record.contractDocumentId())
                .param("attempts", record.attempts())
                .param("nextAttemptAt", record.nextAttemptAt() == null ? null : Timestamp.from(record.nextAttemptAt()))
                .param("lastError", record.lastError())
                .param("now", Timestamp.from(now))
                .param("id", record.id())
                .param("version", record.version())
                .update();
        if (updated == 0) {
            return false;
        }
        int stored = jdbc.sql("select count(*) from onboarding_transitions where case_id = :id").param("id", record.id())
                .query(Integer.class).single();
        insertTransitions(record.id(), record.onboarding().transitions(), stored);
        return true;
    }

    public Optional<OnboardingRecord> find(UUID id) {
        return jdbc.sql(SELECT_WITH_HISTORY + " where c.id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<byte[]> resumeTokenHash(UUID id) {
        return jdbc.sql("select resume_token_hash from onboarding_cases where id = :id").param("id", id).query(byte[].class).optional();
    }

    /** The newest case of a customer that is still going (not completed, not rejected). */
    public Optional<OnboardingRecord> findOpenOfCustomer(UUID customerId) {
        return jdbc.sql("""
                        %s where c.customer_id = :customerId and c.state not in ('COMPLETED', 'REJECTED')
                        order by c.created_at desc limit 1""".formatted(SELECT_WITH_HISTORY))
                .param("customerId", customerId).query(this::map).optional();
    }

    /**
     * Claims up to {@code limit} cases whose automatic step is due, for {@code lease}: another instance skips them until
     * then (a crashed instance's claims simply run out).
     */
    public List<UUID> claimDue(Instant now, Duration lease, int limit) {
        if (limit < 1 || limit > MAX_CLAIM) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_CLAIM);
        }
        return jdbc.sql("""
                        update onboarding_cases set next_attempt_at = :leaseEnd
                        where id in (select id from onboarding_cases
                                     where next_attempt_at <= :now and state not in ('COMPLETED', 'REJECTED')
                                     order by next_attempt_at limit :limit for update skip locked)
                        returning id""")
                .param("leaseEnd", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now)).param("limit", limit)
                .query(UUID.class).list();
    }

    /** Cases past their expiry that never finished: they are abandoned. */
    public List<UUID> expired(Instant now, int limit) {
        return jdbc.sql("""
                        select id from onboarding_cases where expires_at < :now and state not in ('COMPLETED', 'REJECTED')
                        order by expires_at limit :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    private void insertTransitions(UUID caseId, List<OnboardingTransition> transitions, int alreadyStored) {
        for (int sequence = alreadyStored; sequence < transitions.size(); sequence++) {
            OnboardingTransition transition = transitions.get(sequence);
            jdbc.sql("""
                            insert into onboarding_transitions (case_id, sequence, from_state, to_state, at, detail)
                            values (:caseId, :sequence, :from, :to, :at, :detail)""")
                    .param("caseId", caseId).param("sequence", sequence).param("from", transition.from().name())
                    .param("to", transition.to().name()).param("at", Timestamp.from(transition.at()))
                    .param("detail", transition.detail())
                    .update();
        }
    }

    private static List<OnboardingTransition> history(ResultSet row) throws SQLException {
        String[] from = (String[]) row.getArray("history_from").getArray();
        String[] to = (String[]) row.getArray("history_to").getArray();
        Timestamp[] at = (Timestamp[]) row.getArray("history_at").getArray();
        String[] detail = (String[]) row.getArray("history_detail").getArray();
        List<OnboardingTransition> transitions = new ArrayList<>(from.length);
        for (int index = 0; index < from.length; index++) {
            transitions.add(new OnboardingTransition(OnboardingState.valueOf(from[index]), OnboardingState.valueOf(to[index]),
                    at[index].toInstant(), detail[index]));
        }
        return transitions;
    }

    /** A row with its history. */
    private OnboardingRecord map(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        OnboardingState state = OnboardingState.valueOf(row.getString("state"));
        String reason = row.getString("rejection_reason");
        OnboardingCase onboarding = new OnboardingCase(id, state, reason == null ? null : RejectionReason.valueOf(reason), history(row));
        Timestamp nextAttempt = row.getTimestamp("next_attempt_at");
        return new OnboardingRecord(onboarding, row.getObject("customer_id", UUID.class), row.getString("photo_reference"),
                row.getInt("selfie_attempts"), row.getString("biometric_verification"), row.getString("screening_check_id"),
                row.getObject("user_id", UUID.class), row.getString("username"), row.getObject("account_id", UUID.class),
                row.getString("account_currency"), row.getString("account_number"), row.getString("cci"),
                row.getObject("contract_document_id", UUID.class), row.getInt("attempts"),
                nextAttempt == null ? null : nextAttempt.toInstant(), row.getString("last_error"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("expires_at").toInstant(), row.getLong("version"));
    }
}
