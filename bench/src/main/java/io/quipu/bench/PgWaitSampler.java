package io.quipu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Samples pg_stat_activity every 50 ms while a scenario is measured: what the active client backends of one database
 * are doing (a wait event such as IO:WALSync or Lock:transactionid, or "CPU" when they wait for nothing — running or
 * queued for a core). The result is the average number of backends in each state: a poor man's wait-event profile.
 */
final class PgWaitSampler implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement query;
    private final Thread thread;
    private final Map<String, Long> counts = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean sampling;
    private volatile String database;
    private long samples;

    PgWaitSampler(String jdbcUrl, String user) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, "");
        query = connection.prepareStatement("""
                select coalesce(wait_event_type || ':' || wait_event, 'CPU') as state, count(*)
                from pg_stat_activity
                where state = 'active' and backend_type = 'client backend' and datname = ? and pid <> pg_backend_pid()
                group by 1""");
        thread = new Thread(this::loop, "bench-pg-waits");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void start(String databaseName) {
        counts.clear();
        samples = 0;
        database = databaseName;
        sampling = true;
    }

    /** Average active backends per state, largest first, e.g. "IO:WALSync 1.20, CPU 0.80". */
    synchronized String stop() {
        sampling = false;
        if (samples == 0) {
            return "no samples";
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        double active = entries.stream().mapToLong(Map.Entry::getValue).sum() / (double) samples;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "avg active %.2f", active));
        for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(5, entries.size()))) {
            out.append(String.format(Locale.ROOT, ", %s %.2f", entry.getKey(), entry.getValue() / (double) samples));
        }
        return out.toString();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(50);
                if (sampling) {
                    sample();
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void sample() throws SQLException {
        query.setString(1, database);
        Map<String, Long> sample = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sample.put(rows.getString(1), rows.getLong(2));
            }
        }
        synchronized (this) {
            if (sampling) {
                samples++;
                sample.forEach((state, count) -> counts.merge(state, count, Long::sum));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
