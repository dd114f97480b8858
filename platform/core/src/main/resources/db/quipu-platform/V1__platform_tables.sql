-- Tables every service has, in its own database, in the schema "platform" (apart from the service's own tables).

-- Idempotency-Key of POST requests and the first response given (see IdempotencyFilter).
create table platform.idempotency_keys (
    scope            text        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,
    completed        boolean     not null default false,
    response_status  integer,
    content_type     text,
    location         text,
    response_body    bytea,
    created_at       timestamptz not null default now(),
    completed_at     timestamptz,
    expires_at       timestamptz not null,
    primary key (scope, idempotency_key)
);
create index idempotency_keys_expiry on platform.idempotency_keys (expires_at);

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka, then deleted.
create table platform.outbox_events (
    position     bigserial   primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    cloud_event  bytea       not null,
    traceparent  text,
    created_at   timestamptz not null default now()
);

-- Events a consumer group has processed: the same event delivered twice is handled once.
create table platform.processed_events (
    consumer_group  text        not null,
    event_id        text        not null,
    processed_at    timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
create index processed_events_age on platform.processed_events (processed_at);
