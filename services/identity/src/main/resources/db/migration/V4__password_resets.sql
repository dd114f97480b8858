-- Password resets by a code sent by SMS. Short-lived: the clean-up deletes expired rows. Only an HMAC of the code.
create table password_resets (
    id              uuid        primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    otp_hash        bytea       not null,
    otp_attempts    int         not null default 0,
    status          text        not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
    source_address  text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);
create index password_resets_user on password_resets (user_id, status, expires_at);
create index password_resets_expiry on password_resets (expires_at);

-- A password change or reset revokes every refresh token of the user: find them without scanning the table.
create index if not exists refresh_tokens_user on refresh_tokens (user_id);
