import { describe, expect, it } from 'vitest';
import { base64UrlToBuffer, base64UrlToBytes, bytesToBase64Url } from './base64url';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('base64url', () => {
  it.each([
    [[], ''],
    [[0x66], 'Zg'],
    [[0x66, 0x6f], 'Zm8'],
    [[0x66, 0x6f, 0x6f], 'Zm9v'],
    [[0x66, 0x6f, 0x6f, 0x62], 'Zm9vYg'],
    [[0xfb, 0xff], '-_8'],
    [[0xff, 0xfe, 0xfd, 0xfc], '__79_A'],
  ])('%j ⇄ %s (RFC 4648 vectors, url alphabet, no padding)', (values, text) => {
    expect(bytesToBase64Url(bytes(...values))).toBe(text);
    expect(Array.from(base64UrlToBytes(text))).toEqual(values);
  });

  it('reads padded text and the plain base64 alphabet too', () => {
    expect(Array.from(base64UrlToBytes('Zm8='))).toEqual([0x66, 0x6f]);
    expect(Array.from(base64UrlToBytes('+/8'))).toEqual([0xfb, 0xff]);
  });

  it('round-trips every byte value and takes views at an offset', () => {
    const all = new Uint8Array(256).map((_, index) => index);
    expect(Array.from(base64UrlToBytes(bytesToBase64Url(all)))).toEqual(Array.from(all));
    const view = new Uint8Array(all.buffer, 10, 5);
    expect(bytesToBase64Url(view)).toBe(bytesToBase64Url(bytes(10, 11, 12, 13, 14)));
    expect(bytesToBase64Url(all.buffer)).toBe(bytesToBase64Url(all));
  });

  it('gives an ArrayBuffer of exactly the decoded length', () => {
    const buffer = base64UrlToBuffer('Zm9vYg');
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect(buffer.byteLength).toBe(4);
  });

  it('refuses what is not base64url', () => {
    expect(() => base64UrlToBytes('Zm9v!')).toThrow();
    expect(() => base64UrlToBytes('Z')).toThrow();
  });
});
