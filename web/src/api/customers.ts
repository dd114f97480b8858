import { get } from './http';
import type { CustomerProfile } from './types';

/** The customer 360° view: record, accounts with balances, recent movements. */
export function fetchProfile(customerId: string, signal?: AbortSignal): Promise<CustomerProfile> {
  return get<CustomerProfile>(`/api/customers/customers/${encodeURIComponent(customerId)}/profile`, signal);
}
