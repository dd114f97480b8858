-- One row per thing a customer is told: what it is about, in quiet data (masked accounts and payees, never document
-- numbers), and once rendered, the words in the customer's language. Contact details are never kept here.
create table notifications (
    id                   uuid primary key,              -- UUIDv7: ordered by time, the inbox's order
    customer_id          uuid        not null,
    kind                 text        not null,
    source_event_id      text        not null,          -- the CloudEvent it came from
    amount_minor         bigint,
    currency             char(3),
    balance_after_minor  bigint,
    account_masked       text check (account_masked like '****%'),
    counterparty_masked  text check (counterparty_masked like '****%'),
    account_id           uuid,                          -- the customer's own account, for the web app's live balance
    network_masked       text,                          -- where a login came from: its network only (190.42.*.*)
    reason               text,
    locked_until         timestamptz,
    language             text,
    title                text,
    body                 text,
    created_at           timestamptz not null,
    unique (source_event_id, kind)
);
create index notifications_inbox on notifications (customer_id, id desc);

-- One row per notification and channel: the delivery log and the dispatcher's queue.
create table deliveries (
    id               uuid primary key,
    notification_id  uuid        not null references notifications (id),
    channel          text        not null check (channel in ('email', 'sms', 'web', 'push')),
    status           text        not null check (status in ('queued', 'sent', 'retrying', 'failed', 'dead', 'skipped')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    sent_at          timestamptz,
    updated_at       timestamptz not null,
    unique (notification_id, channel)
);
create index deliveries_due on deliveries (channel, next_attempt_at) where status in ('queued', 'retrying');

-- What a customer chose, per kind; kinds without a row use their defaults.
create table preferences (
    customer_id  uuid        not null,
    kind         text        not null,
    channels     text        not null, -- comma-separated channel names, '' for none
    updated_at   timestamptz not null,
    primary key (customer_id, kind)
);

-- The customer's phones (and browsers) that take push notifications: the push provider's registration token, given by
-- the app. A token the provider calls unregistered is deleted when a send finds out.
create table devices (
    id           uuid        primary key,
    customer_id  uuid        not null,
    token        text        not null unique,
    platform     text        not null check (platform in ('android', 'ios', 'web')),
    label        text,
    created_at   timestamptz not null
);
create index devices_customer on devices (customer_id, created_at);

-- The networks each customer logged in from, as SHA-256 hashes of the address (no address is kept): a login from one
-- not seen before is news to the customer. At most 50 per customer, the oldest dropped.
create table login_sources (
    customer_id    uuid        not null,
    source_sha256  char(64)    not null,
    first_seen_at  timestamptz not null,
    primary key (customer_id, source_sha256)
);
