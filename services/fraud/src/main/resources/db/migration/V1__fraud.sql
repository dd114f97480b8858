-- Fraud decisions, review cases and the login failures the rules need (docs/fraud.md).

-- Every payment the fraud service was asked about, with the decision given: the idempotency record of
-- POST /fraud/checks (one row per payment id) and the customer's payment history for the rules.
create table payment_checks (
    payment_id         uuid         primary key,
    decision_id        uuid         not null unique,
    customer_id        uuid         not null,
    source_account_id  uuid         not null,
    payee              varchar(64)  not null,
    payment_type       varchar(16)  not null,
    channel            varchar(16)  not null,
    amount_minor       bigint       not null check (amount_minor > 0),
    currency           char(3)      not null,
    requested_at       timestamptz  not null,
    decision           varchar(8)   not null check (decision in ('allow', 'review', 'deny')),
    reasons            varchar(200) not null,
    risk_score         int          not null check (risk_score between 0 and 100),
    case_id            uuid,
    decided_at         timestamptz  not null
);
-- The usual amounts (last N in a currency) and the velocity window.
create index payment_checks_customer_time on payment_checks (customer_id, currency, decided_at desc);
create index payment_checks_customer_recent on payment_checks (customer_id, decided_at);
-- "Has this customer paid this payee before?"
create index payment_checks_customer_payee on payment_checks (customer_id, payee);

-- Payments held for an analyst. Ids are UUIDv7 (time-ordered): the queue is keyset-paginated by id.
create table fraud_cases (
    id           uuid         primary key,
    payment_id   uuid         not null unique references payment_checks (payment_id),
    customer_id  uuid         not null,
    amount_minor bigint       not null,
    currency     char(3)      not null,
    payee        varchar(64)  not null,
    status       varchar(8)   not null check (status in ('open', 'approved', 'rejected')),
    reasons      varchar(200) not null,
    risk_score   int          not null,
    resolved_by  varchar(100),
    resolution   varchar(500),
    created_at   timestamptz  not null,
    resolved_at  timestamptz,
    check ((status = 'open') = (resolved_at is null))
);
create index fraud_cases_status on fraud_cases (status, id);

-- Failed logins, one-time passwords and passkeys, and locks of customers (from auth-events): only what the rules need.
-- Kept one day (quipu.fraud.failed-logins.retention), deleted in batches by a scheduled job.
create table failed_logins (
    id           bigserial    primary key,
    customer_id  uuid         not null,
    event_type   varchar(64)  not null,
    occurred_at  timestamptz  not null
);
create index failed_logins_customer on failed_logins (customer_id, occurred_at);
create index failed_logins_age on failed_logins (occurred_at);
