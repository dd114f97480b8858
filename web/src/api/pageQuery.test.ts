import { describe, expect, it } from 'vitest';
import { pageQuery } from './http';

describe('pageQuery', () => {
  it('keeps the filters that have a value, trimmed, then the cursor and the page size', () => {
    expect(pageQuery({ documentType: 'DNI', documentNumber: ' 40000002 ', email: '', surnamePrefix: undefined }, 'abc', 20))
      .toBe('documentType=DNI&documentNumber=40000002&cursor=abc&limit=20');
  });

  it('leaves the cursor out on the first page and encodes what needs it', () => {
    expect(pageQuery({ from: '2026-12-01T00:00:00-05:00', type: '   ' }, null, 50))
      .toBe('from=2026-12-01T00%3A00%3A00-05%3A00&limit=50');
    expect(pageQuery({}, undefined, 10)).toBe('limit=10');
  });
});
