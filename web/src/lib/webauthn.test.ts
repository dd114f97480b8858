import { describe, expect, it } from 'vitest';
import { base64UrlToBytes, bytesToBase64Url } from './base64url';
import {
  assertionToJson,
  classifyBrowserError,
  defaultPasskeyLabel,
  registrationToJson,
  toCreationOptions,
  toRequestOptions,
  withoutNulls,
  type CredentialLike,
} from './webauthn';

const buffer = (...values: number[]) => new Uint8Array(values).buffer;
const bytesOf = (value: BufferSource | undefined) => Array.from(new Uint8Array(value as ArrayBuffer));

// As identity (Yubico's toCredentialsCreateJson) answers them, "publicKey" member.
const creationJson = {
  rp: { name: 'Quipu', id: 'localhost' },
  user: { name: 'demo.ana', displayName: 'demo.ana', id: 'AZPA3gAAcACAAAAAAAAAAQ' },
  challenge: 'q83vEjRWeJA',
  pubKeyCredParams: [{ alg: -7, type: 'public-key' }, { alg: -257, type: 'public-key' }],
  excludeCredentials: [{ type: 'public-key', id: 'AQID', transports: ['internal'] }],
  authenticatorSelection: { residentKey: 'preferred', userVerification: 'required', authenticatorAttachment: null },
  attestation: 'none',
  extensions: { credProps: true },
  timeout: null,
};

describe('WebAuthn options from identity JSON', () => {
  it('turns the creation options binary fields into ArrayBuffers and keeps the rest', () => {
    const options = toCreationOptions(creationJson);
    expect(bytesOf(options.challenge)).toEqual(Array.from(base64UrlToBytes('q83vEjRWeJA')));
    expect(options.user.id).toBeInstanceOf(ArrayBuffer);
    expect(bytesToBase64Url(options.user.id as ArrayBuffer)).toBe('AZPA3gAAcACAAAAAAAAAAQ');
    expect(options.user.name).toBe('demo.ana');
    expect(options.rp).toEqual({ name: 'Quipu', id: 'localhost' });
    expect(options.pubKeyCredParams).toHaveLength(2);
    expect(bytesOf(options.excludeCredentials?.[0].id)).toEqual([1, 2, 3]);
    expect(options.excludeCredentials?.[0].transports).toEqual(['internal']);
    expect(options.attestation).toBe('none');
    // An explicit null would be a TypeError in the browser: dropped.
    expect(options.authenticatorSelection).toEqual({ residentKey: 'preferred', userVerification: 'required' });
    expect('timeout' in options).toBe(false);
  });

  it('turns request options (login or step-up) into ArrayBuffers', () => {
    const options = toRequestOptions({
      challenge: 'AAEC',
      rpId: 'localhost',
      allowCredentials: [{ type: 'public-key', id: 'BAUG' }],
      userVerification: 'required',
    });
    expect(bytesOf(options.challenge)).toEqual([0, 1, 2]);
    expect(bytesOf(options.allowCredentials?.[0].id)).toEqual([4, 5, 6]);
    expect(options.rpId).toBe('localhost');
    expect(options.userVerification).toBe('required');
    expect(toRequestOptions({ challenge: 'AAEC' }).allowCredentials).toEqual([]);
  });

  it('drops nulls deep inside, not falsy values', () => {
    expect(withoutNulls({ a: null, b: 0, c: false, d: '', e: [1, null, { f: null, g: 2 }] }))
      .toEqual({ b: 0, c: false, d: '', e: [1, { g: 2 }] });
  });
});

describe('credentials to JSON for identity', () => {
  it('writes a registration as the passkey test page does', () => {
    const credential: CredentialLike = {
      id: 'AQID',
      type: 'public-key',
      rawId: buffer(1, 2, 3),
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: buffer(123, 125),
        attestationObject: buffer(0xa0),
        getTransports: () => ['internal', 'hybrid'],
      },
      getClientExtensionResults: () => ({ credProps: { rk: true } }),
    };
    expect(registrationToJson(credential)).toEqual({
      type: 'public-key',
      id: 'AQID',
      rawId: 'AQID',
      authenticatorAttachment: 'platform',
      response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['internal', 'hybrid'] },
      clientExtensionResults: { credProps: { rk: true } },
    });
  });

  it('writes an assertion, userHandle null when the device gives none', () => {
    const credential: CredentialLike = {
      id: 'AQID',
      type: 'public-key',
      rawId: buffer(1, 2, 3),
      authenticatorAttachment: null,
      response: { clientDataJSON: buffer(123, 125), authenticatorData: buffer(9), signature: buffer(0x30, 0x45), userHandle: null },
    };
    expect(assertionToJson(credential)).toEqual({
      type: 'public-key',
      id: 'AQID',
      rawId: 'AQID',
      response: { clientDataJSON: 'e30', authenticatorData: 'CQ', signature: 'MEU', userHandle: null },
      clientExtensionResults: {},
    });
    expect(assertionToJson({ ...credential, response: { ...credential.response, userHandle: buffer(7) } }).response.userHandle).toBe('Bw');
  });

  it('refuses the wrong kind of credential', () => {
    const base = { id: 'x', type: 'public-key', rawId: buffer(1), response: { clientDataJSON: buffer(1) } };
    expect(() => registrationToJson(base)).toThrow();
    expect(() => assertionToJson(base)).toThrow();
  });
});

describe('browser errors and labels', () => {
  it('classifies DOMException names', () => {
    expect(classifyBrowserError({ name: 'NotAllowedError' })).toBe('cancelled');
    expect(classifyBrowserError({ name: 'InvalidStateError' })).toBe('exists');
    expect(classifyBrowserError({ name: 'SecurityError' })).toBe('security');
    expect(classifyBrowserError({ name: 'NotSupportedError' })).toBe('unsupported');
    expect(classifyBrowserError(new Error('x'))).toBe('failed');
    expect(classifyBrowserError(null)).toBe('failed');
  });

  it('names the device from the user agent', () => {
    expect(defaultPasskeyLabel('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36', 'Passkey'))
      .toBe('Chrome · Android');
    expect(defaultPasskeyLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1', 'Passkey'))
      .toBe('Safari · iOS');
    expect(defaultPasskeyLabel('', 'Llave de acceso')).toBe('Llave de acceso');
  });
});
