/** JSON shapes of the gateway's BFF and of the services, as the Java records in contracts/ and the gateway define them. */
import type { Money } from '../lib/money';

export type { Money };

/** GET /bff/session, POST /bff/verify-otp (BffController.SessionView). */
export interface SessionView {
  subject: string;
  customerId: string | null;
  roles: string[];
  accessTokenExpiresAt: string | null;
  loginExpiresAt: string | null;
}

/** POST /bff/login (BffController.LoginStarted). */
export interface LoginStarted {
  requireMfa: boolean;
  factors: string[];
}

/** customers/ProfilePart.java */
export interface ProfilePart<T> {
  status: 'available' | 'unavailable' | 'not_offered' | string;
  data?: T | null;
  reason?: string | null;
}

/**
 * customers/CustomerResponse.java. documentNumber, phone and birthDate are in clear for the customer themselves,
 * tellers and admins, masked ("****5678") for analysts and auditors; `masked` says which.
 */
export interface CustomerResponse {
  id: string;
  givenNames: string | null;
  paternalSurname: string | null;
  maternalSurname: string | null;
  email: string | null;
  status: string;
  language: string | null;
  phone?: string | null;
  documentType?: string | null;
  documentNumber?: string | null;
  birthDate?: string | null;
  address?: string | null;
  nationality?: string | null;
  occupation?: string | null;
  politicallyExposed?: boolean;
  riskLevel?: string | null;
  masked?: boolean;
  version?: number;
  createdAt?: string | null;
  updatedAt?: string | null;
}

/** customers/CustomerPage.java: nextCursor absent on the last page. */
export interface CustomerPage {
  items: CustomerResponse[];
  nextCursor?: string | null;
}

/** customers/UpdateCustomerRequest.java: absent fields stay as they are; `version` is the one read. */
export interface UpdateCustomerRequest {
  version: number;
  email?: string;
  phone?: string;
  address?: string;
  occupation?: string;
  language?: 'es' | 'en';
}

/** customers DocumentStore.DocumentSummary (GET /customers/{id}/documents). */
export interface DocumentSummary {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sha256: string | null;
  createdAt: string;
}

/** customers/StartOnboardingRequest.java */
export interface StartOnboardingRequest {
  documentType: 'DNI' | 'CEDULA_EC';
  documentNumber: string;
  givenNames: string;
  surnames: string;
  email: string;
  phone: string;
  language: 'es' | 'en';
  /** YYYY-MM-DD. Optional; when sent, the service rejects the onboarding if it is not the registry's (birth_date_mismatch). */
  birthDate?: string;
}

export interface OnboardingTransition {
  from: string | null;
  to: string;
  at: string;
  detail: string | null;
}

/** customers/OnboardingResponse.java: resumeToken only in the answer to the start. */
export interface OnboardingResponse {
  id: string;
  state: string;
  nextStep: string | null;
  rejectionReason: string | null;
  customerId: string | null;
  resumeToken: string | null;
  givenNames: string | null;
  surnames: string | null;
  username: string | null;
  accountNumber: string | null;
  cci: string | null;
  accountCurrency: string | null;
  contractDocumentId: string | null;
  retrying: boolean;
  expiresAt: string | null;
  transitions: OnboardingTransition[] | null;
}

/** customers/CredentialsRequest.java */
export interface CredentialsRequest {
  username: string;
  password: string;
  accountCurrency: 'PEN' | 'USD';
}

/** A movements page (customers: GET /customers/{id}/accounts/{accountId}/movements): newest first. */
export interface MovementPage {
  lines: AccountTransferLine[];
  nextBefore: number | null;
}

/** ledger/AccountResponse.java */
export interface AccountResponse {
  id: string;
  accountNumber: string;
  cci: string;
  customerId: string | null;
  product: 'SAVINGS' | 'CHECKING' | 'LOAN' | string;
  currency: string;
  status: 'open' | 'frozen' | 'closed' | string;
  posted: Money;
  available: Money;
  createdAt: string;
}

/** ledger/AccountTransferLine.java */
export interface AccountTransferLine {
  transferId: string;
  kind: string;
  direction: 'debit' | 'credit' | string;
  counterpartyAccountId: string | null;
  amount: Money;
  code: string | null;
  timestamp: number;
  createdAt: string;
  postedBalanceAfter: Money | null;
  availableBalanceAfter: Money | null;
}

/** customers/CustomerProfile.Movement */
export interface Movement {
  accountId: string;
  line: AccountTransferLine;
}

/** customers/CustomerProfile.java */
export interface CustomerProfile {
  customer: CustomerResponse | null;
  accounts: ProfilePart<AccountResponse[]>;
  recentMovements: ProfilePart<Movement[]>;
  loans: ProfilePart<unknown[]>;
  generatedAt: string | null;
}

export type PaymentType = 'internal' | 'interbank' | 'international';

/** payments/CreatePaymentRequest.java */
export interface CreatePaymentRequest {
  type: PaymentType;
  sourceAccountId: string;
  amount: Money;
  destinationAccountNumber?: string;
  destinationCci?: string;
  beneficiaryIban?: string;
  beneficiaryBic?: string;
  beneficiaryName?: string;
  fxQuoteId?: string;
  description?: string;
  channel: 'web';
}

/** payments/FxQuoteRequest.java */
export interface FxQuoteRequest {
  sourceCurrency: string;
  targetAmount: Money;
}

/** payments/FxQuote.java: valid until expiresAt (30 s), for one payment; rate is source per target. */
export interface FxQuote {
  id: string;
  rate: string;
  spreadBasisPoints: number;
  sourceAmount: Money;
  targetAmount: Money;
  expiresAt: string;
}

/** payments PaymentResponse.FxDetails */
export interface FxDetails {
  quoteId: string | null;
  rate: string | null;
  targetAmount: Money | null;
}

export interface PaymentStateChange {
  from: string | null;
  to: string;
  at: string;
  reason: string | null;
}

/** payments/PaymentResponse.java */
export interface PaymentResponse {
  id: string;
  type: PaymentType | string;
  state: string;
  sourceAccountId: string;
  amount: Money;
  payee: string | null;
  beneficiaryName: string | null;
  description: string | null;
  channel: string | null;
  failureReason: string | null;
  clearingReference: string | null;
  fraudDecision?: string | null;
  fraudCaseId?: string | null;
  fx?: FxDetails | null;
  createdAt: string;
  updatedAt: string | null;
  history: PaymentStateChange[] | null;
}

/** payments/PaymentPage.java: newest first, nextCursor absent on the last page. */
export interface PaymentPage {
  items: PaymentResponse[];
  nextCursor?: string | null;
}

/** notifications NotificationView: the inbox's items and the live stream's events. */
export interface NotificationView {
  id: string;
  kind: string;
  createdAt: string;
  title: string | null;
  body: string | null;
  amount: Money | null;
  account: string | null;
  accountId: string | null;
  counterparty: string | null;
  balanceAfter: Money | null;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor?: string | null;
}

/** notifications PreferencesView: channels (email, sms, web, push) per kind. */
export interface PreferencesView {
  events: Record<string, string[]>;
}

/** notifications DeviceView: a device that takes push (its token is never shown). */
export interface DeviceView {
  id: string;
  platform: string;
  label: string | null;
  createdAt: string;
}

/** identity PasskeyController.OptionsResponse: WebAuthn JSON options, binary fields base64url. */
export interface PasskeyOptions<T> {
  challengeId: string;
  publicKey: T;
}

/** identity PasskeyController.PasskeyView */
export interface PasskeyView {
  id: string;
  label: string;
  credentialId: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export type StepUpFactor = 'otp' | 'passkey';

/** identity/StepUpRequest.java */
export interface StepUpRequest {
  paymentId: string;
  amount: Money;
  payee: string;
  factor: StepUpFactor;
}

/** identity/StepUpChallenge.java: publicKey only for factor passkey. */
export interface StepUpChallenge<T = unknown> {
  stepUpId: string;
  factor: StepUpFactor;
  expiresAt: string;
  publicKey: T | null;
}

/** identity/StepUpAuthorization.java */
export interface StepUpAuthorization {
  authorization: string;
  expiresInSeconds: number;
}

/** fraud/FraudCase.java */
export interface FraudCase {
  id: string;
  paymentId: string;
  customerId: string;
  amount: Money;
  payee: string;
  status: 'open' | 'approved' | 'rejected' | string;
  reasons: string[];
  riskScore: number;
  resolvedBy: string | null;
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface FraudCasePage {
  items: FraudCase[];
  nextCursor?: string | null;
}

/** audit AuditEventView */
export interface AuditEventView {
  sequence: number;
  eventId: string;
  type: string;
  topic: string;
  partition: number;
  offset: number;
  source: string | null;
  subject: string | null;
  aggregateKey: string | null;
  occurredAt: string | null;
  recordedAt: string;
  contentSha256: string;
  previousHash: string;
  hash: string;
  content: unknown;
  contentBase64: string | null;
}

export interface AuditEventPage {
  items: AuditEventView[];
  nextCursor?: string | null;
}

/** audit VerificationReport */
export interface VerificationReport {
  valid: boolean;
  verifiedEvents: number;
  lastSequence: number | null;
  lastHash: string | null;
  firstBrokenSequence: number | null;
  reason: string | null;
}
