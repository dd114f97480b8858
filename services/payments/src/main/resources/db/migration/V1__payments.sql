-- Payment orders and their saga state (docs/payments.md). Every state change commits with its outbox event.
create table payments (
    id                     uuid         primary key,
    customer_id            uuid         not null,
    user_id                varchar(64),
    type                   varchar(16)  not null,
    state                  varchar(24)  not null,
    source_account_id      uuid         not null,
    amount_minor           bigint       not null check (amount_minor > 0),
    currency               char(3)      not null,
    payee                  varchar(64)  not null,
    destination_account_id uuid,
    beneficiary_name       varchar(80),
    beneficiary_bic        varchar(11),
    description            varchar(140),
    channel                varchar(8)   not null,
    fraud_decision         varchar(16),
    fraud_case_id          uuid,
    failure_reason         varchar(64),
    clearing_reference     varchar(64),
    fx_quote_id            uuid,
    fx_rate                varchar(24),
    target_amount_minor    bigint,
    target_currency        char(3),
    attempts               int          not null default 0,
    next_attempt_at        timestamptz,
    version                bigint       not null default 0,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);
create index payments_source_account on payments (source_account_id, created_at desc, id desc);
create index payments_customer_day on payments (customer_id, created_at);
create index payments_due on payments (next_attempt_at) where next_attempt_at is not null;
create index payments_clearing_reference on payments (clearing_reference) where clearing_reference is not null;

create table payment_state_changes (
    payment_id uuid        not null references payments (id),
    sequence   int         not null,
    from_state varchar(24),
    to_state   varchar(24) not null,
    at         timestamptz not null,
    reason     varchar(120),
    primary key (payment_id, sequence)
);

-- FX quotes: valid 30 s, used by at most one payment.
create table fx_quotes (
    id                  uuid        primary key,
    customer_id         uuid        not null,
    rate                varchar(24) not null,
    spread_basis_points int         not null,
    source_amount_minor bigint      not null,
    source_currency     char(3)     not null,
    target_amount_minor bigint      not null,
    target_currency     char(3)     not null,
    expires_at          timestamptz not null,
    used_by_payment     uuid,
    created_at          timestamptz not null
);
