-- Users of the bank: customers (with the customer id the customers service gave them) and staff (with roles).
create table users (
    id                    uuid        primary key,
    username              text        not null unique,          -- lower case: logins ignore case
    kind                  text        not null check (kind in ('customer', 'staff')),
    customer_id           uuid        unique,
    roles                 text[]      not null default '{}',
    phone                 text        not null,                 -- E.164, where one-time passwords go
    password_hash         text        not null,                 -- bcrypt, cost 12
    status                text        not null default 'active' check (status in ('active', 'disabled')),
    consecutive_failures  integer     not null default 0,       -- wrong passwords and codes in a row
    lockout_count         integer     not null default 0,       -- locks since the last complete login
    locked_until          timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    check ((kind = 'customer') = (customer_id is not null))
);

-- Every lock, kept for audits and for support ("why could I not log in yesterday?").
create table lockouts (
    id            uuid        primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    locked_at     timestamptz not null,
    locked_until  timestamptz not null,
    lock_number   integer     not null
);
create index lockouts_user on lockouts (user_id, locked_at);

-- Logins waiting for their second factor. Short-lived: deleted by the clean-up after they expire.
create table login_transactions (
    id            uuid        primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    otp_hash      bytea       not null,                         -- HMAC-SHA-256, never the code
    otp_attempts  integer     not null default 0,
    status        text        not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
    source_address text,
    created_at    timestamptz not null,
    expires_at    timestamptz not null
);
create index login_transactions_expiry on login_transactions (expires_at);

-- Refresh tokens (SHA-256 of the opaque value). A family is every token descended from one login.
create table refresh_tokens (
    id          uuid        primary key,
    family_id   uuid        not null,
    parent_id   uuid,
    user_id     uuid        not null references users (id) on delete cascade,
    token_hash  bytea       not null unique,
    scope       text        not null,
    status      text        not null check (status in ('ACTIVE', 'ROTATED', 'REVOKED')),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_expiry on refresh_tokens (expires_at);

-- Token signing keys. One is active (signs); retired ones stay published in the JWKS until tokens they signed expired.
create table signing_keys (
    key_id       text        primary key,
    algorithm    text        not null,
    public_key   bytea       not null,                          -- X.509 SubjectPublicKeyInfo (DER)
    private_key  bytea       not null,                          -- PKCS#8 (DER)
    active       boolean     not null,
    created_at   timestamptz not null,
    retired_at   timestamptz
);
create unique index signing_keys_one_active on signing_keys (active) where active;

-- Spring Authorization Server's authorizations (client-credentials tokens, for revocation and introspection),
-- its documented schema with PostgreSQL types (text for blob, timestamptz for timestamp).
create table oauth2_authorization (
    id                            varchar(100)  not null primary key,
    registered_client_id          varchar(100)  not null,
    principal_name                varchar(200)  not null,
    authorization_grant_type      varchar(100)  not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text          default null,
    state                         varchar(500)  default null,
    authorization_code_value      text          default null,
    authorization_code_issued_at  timestamptz   default null,
    authorization_code_expires_at timestamptz   default null,
    authorization_code_metadata   text          default null,
    access_token_value            text          default null,
    access_token_issued_at        timestamptz   default null,
    access_token_expires_at       timestamptz   default null,
    access_token_metadata         text          default null,
    access_token_type             varchar(100)  default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text          default null,
    oidc_id_token_issued_at       timestamptz   default null,
    oidc_id_token_expires_at      timestamptz   default null,
    oidc_id_token_metadata        text          default null,
    refresh_token_value           text          default null,
    refresh_token_issued_at       timestamptz   default null,
    refresh_token_expires_at      timestamptz   default null,
    refresh_token_metadata        text          default null,
    user_code_value               text          default null,
    user_code_issued_at           timestamptz   default null,
    user_code_expires_at          timestamptz   default null,
    user_code_metadata            text          default null,
    device_code_value             text          default null,
    device_code_issued_at         timestamptz   default null,
    device_code_expires_at        timestamptz   default null,
    device_code_metadata          text          default null
);
create index oauth2_authorization_access_token_expiry on oauth2_authorization (access_token_expires_at);
-- Introspection and revocation find an authorization by its token value.
create index oauth2_authorization_access_token on oauth2_authorization using hash (access_token_value);
