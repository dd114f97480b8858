-- Authorization code + PKCE (docs/identity.md): the authorization server looks authorizations up by code, state and
-- refresh token too, not only by access token.
create index oauth2_authorization_code on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_refresh_token on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_state on oauth2_authorization using hash (state);

-- Rotated-away refresh tokens of the authorization server: presenting one again revokes its authorization (family).
create table spent_oauth2_refresh_tokens (
    token_hash       bytea        primary key,
    authorization_id varchar(100) not null,
    spent_at         timestamptz  not null,
    expires_at       timestamptz  not null
);
create index spent_oauth2_refresh_tokens_expiry on spent_oauth2_refresh_tokens (expires_at);
