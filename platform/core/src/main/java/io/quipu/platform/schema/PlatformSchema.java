package io.quipu.platform.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Creates and migrates the platform's own tables (idempotency keys, outbox, processed events) in schema
 * {@code platform} of the service's database, with a history table of their own: the service's Flyway migrations
 * in {@code public} and these never see each other.
 */
public final class PlatformSchema {

    public static final String SCHEMA = "platform";

    private PlatformSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("platform_schema_history")
                .locations("classpath:db/quipu-platform")
                .load()
                .migrate();
    }

    public static PlatformSchema migrate(DataSource dataSource) {
        return new PlatformSchema(dataSource);
    }
}
