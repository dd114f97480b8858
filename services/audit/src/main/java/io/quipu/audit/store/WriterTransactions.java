package io.quipu.audit.store;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the service's work on the audit tables as the database role {@value #WRITER_ROLE}, which may only INSERT and
 * SELECT them (V1__audit.sql). The connection belongs to the owner (it runs Flyway); {@code SET LOCAL ROLE} drops the
 * owner's rights until the transaction ends, so no code path of the service (a bug, an injected statement) can
 * UPDATE, DELETE or TRUNCATE a recorded event. Joins the caller's transaction when there is one (the event inbox's).
 */
@Component
public class WriterTransactions {

    public static final String WRITER_ROLE = "audit_writer";

    private final JdbcClient jdbc;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    public WriterTransactions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.writing = new TransactionTemplate(transactionManager);
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
    }

    /** {@code work} in a transaction (the current one, or a new one) running as {@value #WRITER_ROLE}. */
    public <T> T write(Supplier<T> work) {
        return writing.execute(status -> {
            assumeWriterRole();
            return work.get();
        });
    }

    /** {@code work} in a read-only transaction running as {@value #WRITER_ROLE}. */
    public <T> T read(Supplier<T> work) {
        return reading.execute(status -> {
            assumeWriterRole();
            return work.get();
        });
    }

    private void assumeWriterRole() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("SET LOCAL ROLE outside a transaction would not last; this is a bug");
        }
        // The role name is a constant, never input: it cannot be a bind parameter in SET ROLE.
        jdbc.sql("set local role " + WRITER_ROLE).update();
    }
}
