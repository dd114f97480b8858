-- The ledger: accounts with their four balances, and the append-only transfers that changed them.

create sequence account_number_sequence;

create table accounts (
    id                              uuid        primary key,
    account_number                  char(14)    not null unique,
    cci                             char(20)    not null unique,
    customer_id                     uuid,
    product                         text        not null,
    currency                        char(3)     not null,
    debits_must_not_exceed_credits  boolean     not null,
    credits_must_not_exceed_debits  boolean     not null,
    status                          text        not null default 'OPEN' check (status in ('OPEN', 'FROZEN', 'CLOSED')),
    debits_pending                  bigint      not null default 0 check (debits_pending >= 0),
    debits_posted                   bigint      not null default 0 check (debits_posted >= 0),
    credits_pending                 bigint      not null default 0 check (credits_pending >= 0),
    credits_posted                  bigint      not null default 0 check (credits_posted >= 0),
    created_at                      timestamptz not null default now(),
    -- The database enforces the deposit rule too: a bug in the engine cannot overdraw an account.
    check (not debits_must_not_exceed_credits or debits_pending + debits_posted <= credits_posted),
    check (not credits_must_not_exceed_debits or credits_pending + credits_posted <= debits_posted)
);
create index accounts_by_customer on accounts (customer_id) where customer_id is not null;

-- Append-only. "timestamp" is the ledger's clock (microseconds since the epoch), strictly increasing in commit order:
-- the event publisher tails this table by it.
create table transfers (
    id                      uuid     primary key,
    debit_account_id        uuid     not null references accounts (id),
    credit_account_id       uuid     not null references accounts (id),
    amount                  bigint   not null check (amount > 0),
    currency                char(3)  not null,
    code                    text     not null,
    flags                   smallint not null,
    pending_id              uuid,
    timeout_seconds         bigint,
    metadata                json,
    timestamp               bigint   not null unique,
    debit_posted_after      bigint   not null,
    debit_available_after   bigint   not null,
    credit_posted_after     bigint   not null,
    credit_available_after  bigint   not null,
    check (debit_account_id <> credit_account_id)
);
create index transfers_by_debit_account on transfers (debit_account_id, timestamp);
create index transfers_by_credit_account on transfers (credit_account_id, timestamp);

-- Holds: where each pending transfer stands, and when it expires.
create table pending_transfers (
    id          uuid     primary key references transfers (id),
    status      text     not null check (status in ('PENDING', 'POSTED', 'VOIDED', 'EXPIRED')),
    expires_at  bigint
);
create index pending_transfers_expiring on pending_transfers (expires_at) where status = 'PENDING' and expires_at is not null;

-- One row: the newest timestamp given. Every batch locks it, which orders commits across ledger instances.
create table ledger_clock (
    singleton       boolean primary key default true check (singleton),
    last_timestamp  bigint  not null
);
insert into ledger_clock (last_timestamp) values (0);

-- How far the event publisher has published the transfers table.
create table event_cursor (
    singleton       boolean primary key default true check (singleton),
    last_timestamp  bigint  not null
);
insert into event_cursor (last_timestamp) values (0);
