/**
 * base64url (RFC 4648 §5, no padding) to and from bytes, as WebAuthn JSON writes binary fields (challenge, user id,
 * credential ids, clientDataJSON, attestationObject, signature …). Works without Buffer (the browser) and accepts
 * padded or unpadded input, and plain base64's "+/" too (some servers write those).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP: Record<string, number> = {};
for (let index = 0; index < ALPHABET.length; index++) {
  LOOKUP[ALPHABET[index]] = index;
}
LOOKUP['+'] = 62;
LOOKUP['/'] = 63;

export function bytesToBase64Url(input: ArrayBuffer | ArrayBufferView): string {
  const bytes = input instanceof ArrayBuffer
    ? new Uint8Array(input)
    : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let out = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const chunk = (bytes[index] << 16) | (bytes[index + 1] << 8) | bytes[index + 2];
    out += ALPHABET[(chunk >> 18) & 63] + ALPHABET[(chunk >> 12) & 63] + ALPHABET[(chunk >> 6) & 63] + ALPHABET[chunk & 63];
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const chunk = bytes[index] << 16;
    out += ALPHABET[(chunk >> 18) & 63] + ALPHABET[(chunk >> 12) & 63];
  } else if (rest === 2) {
    const chunk = (bytes[index] << 16) | (bytes[index + 1] << 8);
    out += ALPHABET[(chunk >> 18) & 63] + ALPHABET[(chunk >> 12) & 63] + ALPHABET[(chunk >> 6) & 63];
  }
  return out;
}

/** @throws Error when the text is not base64url (a character outside the alphabet, or an impossible length). */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) {
    throw new Error('not base64url: impossible length');
  }
  const out = new Uint8Array(new ArrayBuffer(Math.floor((clean.length * 3) / 4)));
  let buffer = 0;
  let bits = 0;
  let position = 0;
  for (const character of clean) {
    const value = LOOKUP[character];
    if (value === undefined) {
      throw new Error(`not base64url: ${JSON.stringify(character)}`);
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[position++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

export function base64UrlToBuffer(text: string): ArrayBuffer {
  return base64UrlToBytes(text).buffer;
}
