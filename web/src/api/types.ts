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

/** customers/CustomerResponse.java (the fields the app shows). */
export interface CustomerResponse {
  id: string;
  givenNames: string | null;
  paternalSurname: string | null;
  maternalSurname: string | null;
  email: string | null;
  status: string;
  language: string | null;
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

/** payments/CreatePaymentRequest.java (the web app sends internal and interbank orders). */
export interface CreatePaymentRequest {
  type: PaymentType;
  sourceAccountId: string;
  amount: Money;
  destinationAccountNumber?: string;
  destinationCci?: string;
  beneficiaryName?: string;
  description?: string;
  channel: 'web';
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
