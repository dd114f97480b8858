package io.quipu.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.quipu.ledger.domain.Transfer;

/** Maps a row with the transfers table's columns to a {@link Transfer}. */
final class TransferRows {

    private TransferRows() {
    }

    static Transfer transfer(ResultSet row) throws SQLException {
        long timeout = row.getLong("timeout_seconds");
        Long timeoutSeconds = row.wasNull() ? null : timeout;
        return new Transfer(row.getObject("id", UUID.class), row.getObject("debit_account_id", UUID.class),
                row.getObject("credit_account_id", UUID.class), row.getLong("amount"), row.getString("currency").trim(),
                row.getString("code"), row.getInt("flags"), row.getObject("pending_id", UUID.class), timeoutSeconds,
                row.getString("metadata"), row.getLong("timestamp"), row.getLong("debit_posted_after"),
                row.getLong("debit_available_after"), row.getLong("credit_posted_after"), row.getLong("credit_available_after"));
    }
}
