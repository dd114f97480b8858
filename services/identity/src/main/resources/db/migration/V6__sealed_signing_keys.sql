-- Private signing keys are stored sealed (AES-256-GCM under a key from configuration, platform FieldCipher) in
-- private_key_sealed. The plain private_key column only holds keys of earlier versions until the service seals them
-- at its next start; a retired key keeps neither (it only verifies, with its public key).
alter table signing_keys add column private_key_sealed text;
alter table signing_keys alter column private_key drop not null;
alter table signing_keys add constraint signing_keys_private_key_once
    check (private_key is null or private_key_sealed is null);
alter table signing_keys add constraint signing_keys_active_can_sign
    check (not active or private_key is not null or private_key_sealed is not null);
