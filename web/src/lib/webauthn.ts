/**
 * WebAuthn between identity's JSON and the browser. Identity answers options as WebAuthn JSON (binary fields in
 * base64url, as Yubico's toCredentialsCreateJson / toCredentialsGetJson write them); navigator.credentials wants
 * ArrayBuffers; identity wants the credential back as JSON again (what PublicKeyCredential.toJSON() gives), built
 * here by hand, field by field, exactly as identity's PasskeyBrowserTest page does, so it works in browsers without
 * toJSON() too.
 */
import { base64UrlToBuffer, bytesToBase64Url } from './base64url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CredentialDescriptorJson {
  type: string;
  id: string;
  transports?: string[];
}

export interface CreationOptionsJson {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: string; alg: number }[];
  excludeCredentials?: CredentialDescriptorJson[];
  [key: string]: unknown;
}

export interface RequestOptionsJson {
  challenge: string;
  allowCredentials?: CredentialDescriptorJson[];
  [key: string]: unknown;
}

/** A copy without null members (an explicit null where the browser expects an enum value or a dictionary throws). */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null).map((item) => withoutNulls(item)) as T;
  }
  if (value && typeof value === 'object' && !(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (member !== null && member !== undefined) {
        copy[key] = withoutNulls(member);
      }
    }
    return copy as T;
  }
  return value;
}

function descriptors(list: CredentialDescriptorJson[] | undefined): PublicKeyCredentialDescriptor[] {
  return (list ?? []).map((descriptor) => ({
    ...descriptor,
    type: 'public-key' as const,
    id: base64UrlToBuffer(descriptor.id),
    transports: descriptor.transports as AuthenticatorTransport[] | undefined,
  }));
}

/** navigator.credentials.create's publicKey from identity's registration options. */
export function toCreationOptions(json: CreationOptionsJson): PublicKeyCredentialCreationOptions {
  const clean = withoutNulls(json);
  const options = {
    ...clean,
    challenge: base64UrlToBuffer(clean.challenge),
    user: { ...clean.user, id: base64UrlToBuffer(clean.user.id) },
    excludeCredentials: descriptors(clean.excludeCredentials),
  };
  return options as unknown as PublicKeyCredentialCreationOptions;
}

/** navigator.credentials.get's publicKey from identity's assertion (login or step-up) options. */
export function toRequestOptions(json: RequestOptionsJson): PublicKeyCredentialRequestOptions {
  const clean = withoutNulls(json);
  const options = {
    ...clean,
    challenge: base64UrlToBuffer(clean.challenge),
    allowCredentials: descriptors(clean.allowCredentials),
  };
  return options as unknown as PublicKeyCredentialRequestOptions;
}

/** The parts of a PublicKeyCredential this module reads (so tests can hand in plain objects). */
export interface CredentialLike {
  id: string;
  type: string;
  rawId: ArrayBuffer;
  authenticatorAttachment?: string | null;
  response: {
    clientDataJSON: ArrayBuffer;
    attestationObject?: ArrayBuffer;
    getTransports?: () => string[];
    authenticatorData?: ArrayBuffer;
    signature?: ArrayBuffer;
    userHandle?: ArrayBuffer | null;
  };
  getClientExtensionResults?: () => unknown;
}

export interface RegistrationJson {
  type: string;
  id: string;
  rawId: string;
  authenticatorAttachment?: string;
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
  clientExtensionResults: Json;
}

export interface AssertionJson {
  type: string;
  id: string;
  rawId: string;
  authenticatorAttachment?: string;
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle: string | null };
  clientExtensionResults: Json;
}

function extensions(credential: CredentialLike): Json {
  try {
    return (credential.getClientExtensionResults?.() ?? {}) as Json;
  } catch {
    return {};
  }
}

export function registrationToJson(credential: CredentialLike): RegistrationJson {
  const { response } = credential;
  if (!response.attestationObject) {
    throw new Error('not a registration: no attestationObject');
  }
  let transports: string[] = [];
  try {
    transports = response.getTransports ? response.getTransports() : [];
  } catch {
    transports = [];
  }
  return {
    type: credential.type,
    id: credential.id,
    rawId: bytesToBase64Url(credential.rawId),
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
    response: {
      clientDataJSON: bytesToBase64Url(response.clientDataJSON),
      attestationObject: bytesToBase64Url(response.attestationObject),
      transports,
    },
    clientExtensionResults: extensions(credential),
  };
}

export function assertionToJson(credential: CredentialLike): AssertionJson {
  const { response } = credential;
  if (!response.authenticatorData || !response.signature) {
    throw new Error('not an assertion: no authenticatorData or signature');
  }
  return {
    type: credential.type,
    id: credential.id,
    rawId: bytesToBase64Url(credential.rawId),
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
    response: {
      clientDataJSON: bytesToBase64Url(response.clientDataJSON),
      authenticatorData: bytesToBase64Url(response.authenticatorData),
      signature: bytesToBase64Url(response.signature),
      userHandle: response.userHandle ? bytesToBase64Url(response.userHandle) : null,
    },
    clientExtensionResults: extensions(credential),
  };
}

/** Whether this browser can use passkeys at all (a secure context — https or localhost — with the WebAuthn API). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined'
    && window.isSecureContext === true
    && typeof window.PublicKeyCredential === 'function'
    && typeof navigator.credentials?.create === 'function'
    && typeof navigator.credentials?.get === 'function';
}

/** What went wrong in the browser's own part, as a key of the dictionary's passkey.error.* messages. */
export type PasskeyBrowserError = 'cancelled' | 'exists' | 'security' | 'unsupported' | 'failed';

export function classifyBrowserError(error: unknown): PasskeyBrowserError {
  const name = error && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'AbortError':
      return 'cancelled';
    case 'InvalidStateError':
      return 'exists';
    case 'SecurityError':
      return 'security';
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'failed';
  }
}

/** A label for a new passkey from the browser's description of the device ("Chrome · Android"), 1–64 characters. */
export function defaultPasskeyLabel(userAgent: string, fallback: string): string {
  const browser = /Edg\//.test(userAgent) ? 'Edge'
    : /Firefox\//.test(userAgent) ? 'Firefox'
      : /Chrome\//.test(userAgent) ? 'Chrome'
        : /Safari\//.test(userAgent) ? 'Safari'
          : '';
  const system = /Android/.test(userAgent) ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent) ? 'iOS'
      : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS'
        : /Windows/.test(userAgent) ? 'Windows'
          : /Linux|X11/.test(userAgent) ? 'Linux'
            : '';
  const label = [browser, system].filter(Boolean).join(' · ');
  return (label || fallback).slice(0, 64);
}
