import { describe, expect, it } from 'vitest';
import { isStaff, staffSections } from './roles';

describe('staff and their back-office sections', () => {
  it('tells staff from customers', () => {
    expect(isStaff({ customerId: '0193c0de-0000-7000-8000-000000000001', roles: [] })).toBe(false);
    expect(isStaff({ customerId: null, roles: ['admin'] })).toBe(true);
    expect(isStaff({ customerId: null, roles: [] })).toBe(false);
    expect(isStaff({ customerId: null, roles: null })).toBe(false);
  });

  it('gives each role its sections', () => {
    expect(staffSections(['admin'])).toEqual({ customers: true, fraud: true, audit: true });
    expect(staffSections(['teller'])).toEqual({ customers: true, fraud: false, audit: false });
    expect(staffSections(['ANALYST'])).toEqual({ customers: true, fraud: true, audit: false });
    expect(staffSections(['ROLE_auditor'])).toEqual({ customers: true, fraud: false, audit: true });
    expect(staffSections([])).toEqual({ customers: false, fraud: false, audit: false });
  });
});
