-- Step-ups: one payment waiting for its user's confirmation (PSD2 dynamic linking). Short-lived: the clean-up deletes
-- expired rows. Only an HMAC of the code is stored, as for logins.
create table step_up_challenges (
    id              uuid        primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    payment_id      uuid        not null,
    amount_minor    bigint      not null check (amount_minor > 0),
    currency        char(3)     not null,
    payee           text        not null check (char_length(payee) between 1 and 64),
    factor          text        not null check (factor in ('otp', 'passkey')),
    otp_hash        bytea,
    otp_attempts    int         not null default 0,
    -- For a passkey: the WebAuthn request with its random challenge, kept with the binding, so the device's signature
    -- commits to exactly this payment's confirmation.
    passkey_request_json text,
    status          text        not null check (status in ('PENDING', 'CONFIRMED', 'FAILED')),
    source_address  text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);
create index step_up_challenges_user on step_up_challenges (user_id, status, expires_at);
create index step_up_challenges_expiry on step_up_challenges (expires_at);

-- Spent step-up authorizations: the primary key on jti is what makes them single-use across instances. A row is kept
-- until its authorization expired (after that the signature check refuses it anyway).
create table step_up_redemptions (
    jti          uuid        primary key,
    user_id      uuid        not null,
    payment_id   uuid        not null,
    redeemed_by  text        not null,                 -- the client that redeemed it (the payments service)
    redeemed_at  timestamptz not null,
    expires_at   timestamptz not null
);
create index step_up_redemptions_expiry on step_up_redemptions (expires_at);
