-- Passkeys (WebAuthn credentials) of users: the second factor that proves "something the customer is" on their device.
create table passkeys (
    id               uuid        primary key,
    user_id          uuid        not null references users (id) on delete cascade,
    credential_id    bytea       not null unique,                -- chosen by the authenticator
    user_handle      bytea       not null,                       -- the user's WebAuthn id (16 bytes of the user id)
    public_key_cose  bytea       not null,                       -- COSE_Key: a public key, never a secret
    signature_count  bigint      not null,                       -- last counter seen; a clone shows up as going back
    label            text        not null,                       -- chosen by the user ("my phone")
    created_at       timestamptz not null,
    last_used_at     timestamptz
);
create index passkeys_user on passkeys (user_id);

-- Challenges handed to browsers, waiting for their answer. Short-lived: deleted by the clean-up after they expire.
create table passkey_challenges (
    id            uuid        primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    login_id      uuid        references login_transactions (id) on delete cascade, -- set for a login's assertion
    purpose       text        not null check (purpose in ('registration', 'assertion')),
    request_json  text        not null,                          -- the options sent, with their random challenge
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    consumed_at   timestamptz
);
create index passkey_challenges_login on passkey_challenges (login_id);
create index passkey_challenges_user on passkey_challenges (user_id, expires_at);
create index passkey_challenges_expiry on passkey_challenges (expires_at);
