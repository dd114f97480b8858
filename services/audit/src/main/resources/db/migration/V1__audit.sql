-- The audit log: every event of the platform, append-only and hash-chained (docs/audit.md).

-- One row per Kafka record the audit service consumed, in the order it was recorded. "sequence" is gap-free: it is
-- assigned as the previous row's sequence + 1 under a transaction-scoped advisory lock (AuditEventStore), so two
-- writers never take the same number and a rolled-back insert leaves no hole (no database sequence is used).
create table audit_events (
    sequence        bigint       primary key check (sequence >= 1),
    event_id        text         not null,
    topic           text         not null,
    kafka_partition int          not null check (kafka_partition >= 0),
    kafka_offset    bigint       not null check (kafka_offset >= 0),
    type            text         not null,
    source          text,
    subject         text,
    aggregate_key   text,
    occurred_at     timestamptz,
    recorded_at     timestamptz  not null,
    -- The record's value exactly as received (the CloudEvent JSON, or any bytes for an unparseable record).
    content         bytea        not null,
    content_sha256  char(64)     not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    previous_hash   char(64)     not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash            char(64)     not null check (hash ~ '^[0-9a-f]{64}$')
);
-- The same Kafka record (same place, same bytes) is recorded once. Not unique on the place alone: a topic deleted and
-- created again starts its offsets at 0, and its new records must not be taken for old ones.
create index audit_events_kafka_record on audit_events (topic, kafka_partition, kafka_offset);
create index audit_events_event_id on audit_events (event_id);
create index audit_events_aggregate_key on audit_events (aggregate_key, sequence);
create index audit_events_subject on audit_events (subject, sequence);
create index audit_events_type on audit_events (type, sequence);
create index audit_events_occurred_at on audit_events (occurred_at);

-- The chain head at a moment (daily and on demand), also exported as a JSON line to a file outside the database.
create table audit_anchors (
    id              uuid         primary key,
    anchored_on     date         not null,
    last_sequence   bigint       not null check (last_sequence >= 0),
    last_hash       char(64)     not null check (last_hash ~ '^[0-9a-f]{64}$'),
    event_count     bigint       not null check (event_count >= 0),
    created_at      timestamptz  not null
);
create index audit_anchors_created on audit_anchors (created_at desc, id desc);

-- The role the service's own work runs as (SET LOCAL ROLE audit_writer in every transaction that touches these
-- tables): it may add and read audit rows and anchors, never change or remove them. Roles belong to the whole
-- PostgreSQL cluster, not to this database, so it is created only when missing.
do $$
begin
    if not exists (select from pg_roles where rolname = 'audit_writer') then
        create role audit_writer nologin;
    end if;
    -- The service connects as the owner (who runs these migrations) and switches to audit_writer: it must be a member.
    if not pg_has_role(current_user, 'audit_writer', 'MEMBER') then
        execute format('grant audit_writer to %I', current_user);
    end if;
end
$$;

revoke all on audit_events, audit_anchors from public;
revoke all on audit_events, audit_anchors from audit_writer;
grant usage on schema public to audit_writer;
grant insert, select on audit_events to audit_writer;
grant insert, select on audit_anchors to audit_writer;
