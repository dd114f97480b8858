-- Customers and their onboarding (docs/customers.md). Sensitive fields (document number, phone, birth date) are stored
-- encrypted by the service (AES-GCM, "v1:<key id>:<base64>"); the document is found through a keyed hash (blind index).

create table customers (
    id                        uuid         primary key,
    given_names               varchar(80)  not null,
    paternal_surname          varchar(80)  not null,
    maternal_surname          varchar(80),
    email                     varchar(254) not null,
    phone_encrypted           text         not null,
    document_type             varchar(16)  not null,
    document_number_encrypted text         not null,
    document_index            varchar(64)  not null,
    birth_date_encrypted      text         not null,
    address                   varchar(200),
    nationality               char(2)      not null,
    occupation                varchar(80),
    pep                       boolean      not null,
    status                    varchar(16)  not null,
    risk_level                varchar(8)   not null,
    language                  varchar(2)   not null,
    version                   bigint       not null,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    constraint customers_email_unique unique (email),
    constraint customers_document_unique unique (document_type, document_index)
);
-- Search by surname prefix, case-insensitive, keyset-paginated by id.
create index customers_surname_prefix on customers (lower(paternal_surname) text_pattern_ops, id);

create table onboarding_cases (
    id                      uuid        primary key,
    customer_id             uuid        not null references customers (id),
    resume_token_hash       bytea       not null,
    state                   varchar(24) not null,
    rejection_reason        varchar(32),
    photo_reference         varchar(200),
    selfie_attempts         int         not null default 0,
    biometric_verification  varchar(100),
    screening_check_id      varchar(100),
    user_id                 uuid,
    username                varchar(64),
    account_id              uuid        not null,
    account_currency        char(3),
    account_number          varchar(14),
    cci                     varchar(20),
    contract_document_id    uuid,
    -- Grows with every save: a step saves only if nobody else moved the case meanwhile.
    version                 bigint      not null default 0,
    -- Background resumption of automatic steps after a provider outage or a crash.
    attempts                int         not null default 0,
    next_attempt_at         timestamptz,
    last_error              varchar(300),
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    expires_at              timestamptz not null
);
create index onboarding_cases_customer on onboarding_cases (customer_id);
create index onboarding_cases_due on onboarding_cases (next_attempt_at) where next_attempt_at is not null;

-- Append-only audit of every state change of a case.
create table onboarding_transitions (
    case_id    uuid         not null references onboarding_cases (id),
    sequence   int          not null,
    from_state varchar(24)  not null,
    to_state   varchar(24)  not null,
    at         timestamptz  not null,
    detail     varchar(500),
    primary key (case_id, sequence)
);

-- Documents of a customer: the signed contract (PDF) and, later, others.
create table customer_documents (
    id           uuid         primary key,
    customer_id  uuid         not null references customers (id),
    kind         varchar(32)  not null,
    file_name    varchar(100) not null,
    content_type varchar(64)  not null,
    content      bytea        not null,
    sha256       varchar(64)  not null,
    signature_id varchar(100),
    created_at   timestamptz  not null
);
create index customer_documents_customer on customer_documents (customer_id, created_at desc);
