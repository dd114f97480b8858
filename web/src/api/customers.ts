import { apiRequest, get, pageQuery } from './http';
import { movementsQueryString, statementQueryString, type MovementQuery } from '../lib/movementsQuery';
import type { CustomerPage, CustomerProfile, CustomerResponse, DocumentSummary, MovementPage, UpdateCustomerRequest } from './types';

const customerUrl = (customerId: string) => `/api/customers/customers/${encodeURIComponent(customerId)}`;

/** The customer 360° view: record, accounts with balances, recent movements. */
export function fetchProfile(customerId: string, signal?: AbortSignal): Promise<CustomerProfile> {
  return get<CustomerProfile>(`${customerUrl(customerId)}/profile`, signal);
}

/** The record (the customer's own in clear; masked for analysts and auditors). */
export function fetchCustomer(customerId: string, signal?: AbortSignal): Promise<CustomerResponse> {
  return get<CustomerResponse>(customerUrl(customerId), signal);
}

export function updateCustomer(customerId: string, request: UpdateCustomerRequest): Promise<CustomerResponse> {
  return apiRequest<CustomerResponse>('PATCH', customerUrl(customerId), { body: request });
}

/** The customer's documents (signed contracts). */
export function fetchDocuments(customerId: string, signal?: AbortSignal): Promise<DocumentSummary[]> {
  return get<DocumentSummary[]>(`${customerUrl(customerId)}/documents`, signal);
}

/** A plain link: the session cookie authenticates the download (Content-Disposition: attachment). */
export function documentUrl(customerId: string, documentId: string): string {
  return `${customerUrl(customerId)}/documents/${encodeURIComponent(documentId)}`;
}

/** An account's movements, newest first, filtered; nextBefore pages on. */
export function fetchMovements(customerId: string, accountId: string, query: MovementQuery,
  page: { limit: number; before?: number | null }, signal?: AbortSignal): Promise<MovementPage> {
  return get<MovementPage>(`${customerUrl(customerId)}/accounts/${encodeURIComponent(accountId)}/movements?${movementsQueryString(query, page)}`, signal);
}

/** The statement file (CSV or PDF), an attachment: used as a plain <a href download>. */
export function statementUrl(customerId: string, accountId: string, format: 'csv' | 'pdf', query: MovementQuery): string {
  return `${customerUrl(customerId)}/accounts/${encodeURIComponent(accountId)}/statement?${statementQueryString(format, query)}`;
}

export interface CustomerSearch {
  documentType?: string;
  documentNumber?: string;
  email?: string;
  surnamePrefix?: string;
}

/** Staff: by documentType + documentNumber, by email, or by surnamePrefix (≥ 2 characters), keyset pages. */
export function searchCustomers(search: CustomerSearch, cursor?: string | null, limit = 20, signal?: AbortSignal): Promise<CustomerPage> {
  const query = pageQuery({ documentType: search.documentType, documentNumber: search.documentNumber, email: search.email,
    surnamePrefix: search.surnamePrefix }, cursor, limit);
  return get<CustomerPage>(`/api/customers/customers?${query}`, signal);
}
