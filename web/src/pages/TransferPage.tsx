import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/http';
import { createFxQuote, createPayment, fetchPayment, newIdempotencyKey } from '../api/payments';
import type { AccountResponse, CreatePaymentRequest, FxQuote, PaymentResponse } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { StateBadge } from '../components/StateBadge';
import { StepUpPanel } from '../components/StepUpPanel';
import { useI18n, type I18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import {
  checkAccountNumberInput,
  checkCciInput,
  maskPayee,
  PERUVIAN_BANKS,
  type NumberInputCheck,
} from '../lib/accountNumbers';
import { describeFailure } from '../lib/errors';
import { quoteDeadline, secondsLeft } from '../lib/fxQuote';
import { checkIbanInput, formatIban, isValidBic, normaliseBic, type IbanInputCheck } from '../lib/iban';
import { accountLabel, paymentTypeLabel, productLabel } from '../lib/labels';
import { compareAmounts, formatAmount, validateAmountInput } from '../lib/money';
import { useProfile } from '../state/ProfileContext';

type TransferType = 'internal' | 'interbank' | 'international';
/** Currencies an international payment can deliver (the quote's target must differ from the account's). */
const TARGET_CURRENCIES = ['USD', 'EUR', 'PEN'] as const;
type Step = 'form' | 'confirm' | 'result';
type Tone = 'info' | 'success' | 'warning' | 'error';

/** States a payment leaves by itself soon: the receipt polls them for a while. */
const MOVING_STATES = new Set(['created', 'authorized', 'held', 'sent']);
const POLL_EVERY_MS = 3000;
const POLL_AT_MOST = 20;
/** The bank code of Quipu's own CCIs (the ledger's quipu.ledger.bank-code); such CCIs are paid internally. */
const OWN_BANK_CODE = '099';

interface Prepared {
  request: CreatePaymentRequest;
  /** Serialized once: a retry of this confirmation sends the very same bytes with the same Idempotency-Key. */
  body: string;
  key: string;
  source: AccountResponse;
  destinationDigits: string;
  /** International: the quote the payment uses, and when it ends on this browser's clock. */
  quote?: FxQuote;
  quoteDeadline?: number;
  bic?: string;
}

interface HeldQuote {
  quote: FxQuote;
  deadline: number;
  /** What it was asked for (source currency, target amount): a change in the form makes it stale. */
  key: string;
}

interface DestinationStatus {
  tone: Tone;
  message: string | null;
}

function destinationStatus(
  i18n: I18n,
  type: 'internal' | 'interbank',
  check: NumberInputCheck,
  source: AccountResponse | undefined,
  strict: boolean,
): DestinationStatus {
  const { t } = i18n;
  const cci = type === 'interbank';
  switch (check.state) {
    case 'empty':
      return strict ? { tone: 'error', message: t(cci ? 'number.required.cci' : 'number.required.account') } : { tone: 'info', message: null };
    case 'invalid_characters':
      return { tone: 'error', message: t('number.invalidCharacters') };
    case 'incomplete':
      return {
        tone: strict ? 'error' : 'info',
        message: check.missing === 1 ? t('number.missingOne') : t('number.missing', { count: check.missing }),
      };
    case 'too_long':
      return { tone: 'error', message: t(cci ? 'number.tooLong.cci' : 'number.tooLong.account') };
    case 'bad_check_digits':
      return { tone: 'error', message: t(cci ? 'number.badCheck.cci' : 'number.badCheck.account') };
    case 'valid':
      if (!cci) {
        return source && check.digits === source.accountNumber
          ? { tone: 'error', message: t('transfer.sameAccount') }
          : { tone: 'success', message: t('number.valid.account') };
      }
      if (check.bankCode === OWN_BANK_CODE) {
        return { tone: 'warning', message: t('number.ownBank') };
      }
      return {
        tone: 'success',
        message: check.bankCode && PERUVIAN_BANKS[check.bankCode]
          ? t('number.valid.cciBank', { bank: PERUVIAN_BANKS[check.bankCode] })
          : t('number.valid.cci'),
      };
  }
}

function ibanMessage(i18n: I18n, check: IbanInputCheck, strict: boolean): DestinationStatus {
  const { t } = i18n;
  switch (check.state) {
    case 'empty':
      return strict ? { tone: 'error', message: t('iban.required') } : { tone: 'info', message: null };
    case 'invalid_characters':
      return { tone: 'error', message: t('iban.invalidCharacters') };
    case 'incomplete':
      return {
        tone: strict ? 'error' : 'info',
        message: check.missing > 0 ? t('iban.missing', { count: check.missing }) : strict ? t('iban.tooShort') : null,
      };
    case 'too_long':
      return { tone: 'error', message: t('iban.tooLong') };
    case 'bad_check_digits':
      return { tone: 'error', message: t('iban.badCheck') };
    case 'valid':
      return { tone: 'success', message: t('iban.valid') };
  }
}

/** An FX quote: rate, what leaves the account, what the beneficiary receives, and the seconds it has left. */
function QuoteFacts({ quote, seconds }: { quote: FxQuote; seconds: number }) {
  const { t } = useI18n();
  return (
    <>
      <dl className="summary summary-compact" data-testid="transfer-quote" data-quote-id={quote.id}>
        <div>
          <dt>{t('quote.rate')}</dt>
          <dd className="mono" data-testid="transfer-quote-rate">
            {t('quote.rateValue', { rate: quote.rate, source: quote.sourceAmount.currency, target: quote.targetAmount.currency })}
          </dd>
        </div>
        <div>
          <dt>{t('quote.pays')}</dt>
          <dd className="summary-amount" data-testid="transfer-quote-source" data-amount={quote.sourceAmount.amount}>
            {formatAmount(quote.sourceAmount)}
          </dd>
        </div>
        <div>
          <dt>{t('quote.receives')}</dt>
          <dd>{formatAmount(quote.targetAmount)}</dd>
        </div>
        <div>
          <dt>{t('quote.spread')}</dt>
          <dd>{t('quote.spreadValue', { percent: basisPointsAsPercent(quote.spreadBasisPoints) })}</dd>
        </div>
      </dl>
      <p className={`quote-expiry ${seconds === 0 ? 'status-error' : seconds <= 10 ? 'status-warning' : 'status-info'}`}
        data-testid="transfer-quote-expiry" data-seconds={seconds}>
        {seconds > 0 ? t('quote.expiresIn', { seconds }) : t('quote.expired')}
      </p>
      {/* Read out twice only (not every second): when 10 seconds are left, and when the quote ends. */}
      <span className="sr-only" role="status">
        {seconds === 0 ? t('quote.expired') : seconds <= 10 ? t('quote.expiresSoon') : ''}
      </span>
    </>
  );
}

/** 80 → "0.80" (basis points are an integer: string arithmetic, no float). */
function basisPointsAsPercent(points: number): string {
  const digits = String(Math.trunc(Math.abs(points))).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function TransferPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [params, setParams] = useSearchParams();
  const { accounts, profile, loading, error: profileError, reload, accountsUnavailable } = useProfile();

  const sources = useMemo(
    () => accounts.filter((view) => view.account.status === 'open' && view.account.product !== 'LOAN'),
    [accounts],
  );

  const [sourceId, setSourceId] = useState(params.get('from') ?? '');
  const [iban, setIban] = useState('');
  const [ibanBlurred, setIbanBlurred] = useState(false);
  const [bic, setBic] = useState('');
  const [targetCurrency, setTargetCurrency] = useState<string>('');
  const [held, setHeld] = useState<HeldQuote | null>(null);
  const [quoting, setQuoting] = useState(false);
  const [quoteError, setQuoteError] = useState<unknown>(null);
  const [now, setNow] = useState(() => Date.now());
  const [loadError, setLoadError] = useState<unknown>(null);
  const [type, setType] = useState<TransferType>('internal');
  const [destination, setDestination] = useState('');
  const [destinationBlurred, setDestinationBlurred] = useState(false);
  const [beneficiary, setBeneficiary] = useState('');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [step, setStep] = useState<Step>('form');
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [payment, setPayment] = useState<PaymentResponse | null>(null);
  const [polls, setPolls] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(null);
  /** An order whose outcome is unknown (no answer, 5xx): the same order again must reuse its key. */
  const uncertain = useRef<{ body: string; key: string } | null>(null);

  const destinationRef = useRef<HTMLInputElement>(null);
  const ibanRef = useRef<HTMLInputElement>(null);
  const bicRef = useRef<HTMLInputElement>(null);
  const beneficiaryRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLInputElement>(null);

  const sourceView = sources.find((view) => view.account.id === sourceId) ?? sources[0];
  const source = sourceView?.account;
  const currency = source?.currency ?? 'PEN';

  const international = type === 'international';
  const targetOptions = TARGET_CURRENCIES.filter((code) => code !== currency);
  const target = targetOptions.includes(targetCurrency as never) ? targetCurrency : targetOptions[0];
  /** The currency the typed amount is in: the account's, or (international) what the beneficiary receives. */
  const amountCurrency = international ? target : currency;

  // ---- validation (as the customer types, and all of it on submit)
  const check = type === 'interbank' ? checkCciInput(destination) : checkAccountNumberInput(destination);
  const destStatus = destinationStatus(i18n, type === 'interbank' ? 'interbank' : 'internal', check, source, submitted || destinationBlurred);
  const destinationInvalid = !international
    && (destStatus.tone === 'error' || (check.state !== 'valid' && (submitted || destinationBlurred)));
  const ibanCheck = checkIbanInput(iban);
  const ibanStatus = ibanMessage(i18n, ibanCheck, submitted || ibanBlurred);
  const ibanInvalid = international && ibanStatus.tone === 'error';
  const bicError = international && submitted && !isValidBic(bic)
    ? t(bic.trim() === '' ? 'transfer.bicRequired' : 'transfer.bicInvalid') : null;
  const amountCheck = validateAmountInput(amount, amountCurrency);
  const amountError = submitted && !amountCheck.ok ? t(`amount.${amountCheck.error}` as MessageKey) : null;
  const quoteKey = amountCheck.ok && source ? `${source.id}|${currency}|${amountCheck.amount}|${target}` : '';
  const liveQuote = held && held.key === quoteKey ? held : null;
  const quoteSeconds = liveQuote ? secondsLeft(liveQuote.deadline, now) : 0;
  const overAvailable = sourceView && (international
    ? liveQuote !== null && (compareAmounts(liveQuote.quote.sourceAmount, sourceView.available) ?? 0) > 0
    : amountCheck.ok && (compareAmounts({ amount: amountCheck.amount, currency }, sourceView.available) ?? 0) > 0);
  const beneficiaryError = submitted && (type === 'interbank' || international)
    ? (beneficiary.trim() === '' ? t('transfer.beneficiaryRequired') : beneficiary.trim().length > 80 ? t('transfer.beneficiaryTooLong') : null)
    : null;
  const descriptionError = description.trim().length > 140 ? t('transfer.descriptionTooLong') : null;

  // ---- a quote counts down (the form's and the confirmation's)
  const ticking = (step === 'form' && held !== null) || (step === 'confirm' && prepared?.quoteDeadline !== undefined);
  useEffect(() => {
    if (!ticking) {
      return undefined;
    }
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [ticking]);

  // ---- /transfer?payment=<id>: a payment of the list that waits for its authorization, or its receipt
  const paymentParam = params.get('payment');
  useEffect(() => {
    if (!paymentParam) {
      return undefined;
    }
    const controller = new AbortController();
    setLoadError(null);
    fetchPayment(paymentParam, controller.signal)
      .then((loaded) => {
        setPayment(loaded);
        setPolls(0);
        setStep('result');
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setLoadError(failure);
      });
    return () => controller.abort();
  }, [paymentParam]);

  // ---- the receipt follows a moving payment for a while
  useEffect(() => {
    if (step !== 'result' || !payment || !MOVING_STATES.has(payment.state) || polls >= POLL_AT_MOST) {
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchPayment(payment.id, controller.signal)
        .then((latest) => setPayment(latest))
        .catch(() => undefined)
        .finally(() => setPolls((count) => count + 1));
    }, POLL_EVERY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [step, payment, polls]);

  if (loading && !profile) {
    return (
      <div className="page">
        <PageHeading title={t('transfer.title')} />
        <Loading />
      </div>
    );
  }

  /** POST /fx/quotes: what the typed amount in the target currency costs from this account (valid 30 s). */
  const requestQuote = async (): Promise<HeldQuote | null> => {
    if (!source || !amountCheck.ok) {
      return null;
    }
    setQuoting(true);
    setQuoteError(null);
    try {
      const quote = await createFxQuote({ sourceCurrency: source.currency, targetAmount: { amount: amountCheck.amount, currency: target } });
      const next: HeldQuote = { quote, deadline: quoteDeadline(quote.expiresAt, Date.now()), key: quoteKey };
      setHeld(next);
      setNow(Date.now());
      return next;
    } catch (failure) {
      setQuoteError(failure);
      return null;
    } finally {
      setQuoting(false);
    }
  };

  const prepareInternational = (usable: HeldQuote, beneficiaryName: string, text: string) => {
    if (!source) {
      return;
    }
    const request: CreatePaymentRequest = {
      type: 'international',
      sourceAccountId: source.id,
      amount: usable.quote.sourceAmount,
      beneficiaryIban: ibanCheck.iban,
      beneficiaryBic: normaliseBic(bic),
      beneficiaryName,
      fxQuoteId: usable.quote.id,
      ...(text ? { description: text } : {}),
      channel: 'web',
    };
    const body = JSON.stringify(request);
    const key = uncertain.current?.body === body ? uncertain.current.key : newIdempotencyKey();
    setPrepared({
      request, body, key, source, destinationDigits: formatIban(ibanCheck.iban),
      quote: usable.quote, quoteDeadline: usable.deadline, bic: normaliseBic(bic),
    });
    setSendError(null);
    setStep('confirm');
  };

  /** Confirmation with an expired quote: a new quote, hence a new order (new body, new key). */
  const requote = async () => {
    const next = await requestQuote();
    if (next && prepared) {
      prepareInternational(next, prepared.request.beneficiaryName ?? '', prepared.request.description ?? '');
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!source) {
      return;
    }
    const beneficiaryName = beneficiary.trim();
    const beneficiaryOk = type === 'internal' || (beneficiaryName !== '' && beneficiaryName.length <= 80);
    const text = description.trim();
    if (international) {
      const invalidFields = [
        ibanCheck.state !== 'valid' && ibanRef.current,
        !isValidBic(bic) && bicRef.current,
        !beneficiaryOk && beneficiaryRef.current,
        !amountCheck.ok && amountRef.current,
        text.length > 140 && descriptionRef.current,
      ].filter(Boolean) as HTMLInputElement[];
      if (invalidFields.length > 0 || !amountCheck.ok) {
        invalidFields[0]?.focus();
        return;
      }
      const usable = liveQuote && quoteSeconds > 0 ? liveQuote : await requestQuote();
      if (!usable) {
        return;
      }
      prepareInternational(usable, beneficiaryName, text);
      return;
    }
    const strictStatus = destinationStatus(i18n, type, check, source, true);
    const destinationOk = check.state === 'valid' && strictStatus.tone !== 'error';
    const invalid = [
      !destinationOk && destinationRef.current,
      !beneficiaryOk && beneficiaryRef.current,
      !amountCheck.ok && amountRef.current,
      text.length > 140 && descriptionRef.current,
    ].filter(Boolean) as HTMLInputElement[];
    if (invalid.length > 0 || !amountCheck.ok) {
      invalid[0]?.focus();
      return;
    }
    const request: CreatePaymentRequest = {
      type,
      sourceAccountId: source.id,
      amount: { amount: amountCheck.amount, currency: source.currency },
      ...(type === 'internal'
        ? { destinationAccountNumber: check.digits }
        : { destinationCci: check.digits, beneficiaryName }),
      ...(text ? { description: text } : {}),
      channel: 'web',
    };
    const body = JSON.stringify(request);
    const key = uncertain.current?.body === body ? uncertain.current.key : newIdempotencyKey();
    setPrepared({ request, body, key, source, destinationDigits: check.digits });
    setSendError(null);
    setStep('confirm');
  };

  const confirm = async () => {
    if (!prepared || sending) {
      return;
    }
    setSending(true);
    setSendError(null);
    try {
      const created = await createPayment(prepared.body, prepared.key);
      uncertain.current = null;
      setHeld(null);
      setPayment(created);
      setPolls(0);
      setStep('result');
      reload();
    } catch (failure) {
      uncertain.current = failure instanceof ApiError && !failure.retryable ? null : { body: prepared.body, key: prepared.key };
      setSendError(failure);
    } finally {
      setSending(false);
    }
  };

  const backToForm = () => {
    setStep('form');
    setSendError(null);
  };

  const startOver = () => {
    setStep('form');
    setPrepared(null);
    setPayment(null);
    setDestination('');
    setDestinationBlurred(false);
    setIban('');
    setIbanBlurred(false);
    setBic('');
    setHeld(null);
    setQuoteError(null);
    setLoadError(null);
    setBeneficiary('');
    setAmount('');
    setDescription('');
    setSubmitted(false);
    setSendError(null);
    setRefreshError(null);
    if (params.get('payment')) {
      setParams({}, { replace: true });
    }
  };

  const refreshPayment = () => {
    if (!payment) {
      return;
    }
    setRefreshing(true);
    setRefreshError(null);
    fetchPayment(payment.id)
      .then((latest) => {
        setPayment(latest);
        setPolls(0);
      })
      .catch((failure: unknown) => setRefreshError(failure))
      .finally(() => setRefreshing(false));
  };

  const retryable = !(sendError instanceof ApiError) || sendError.retryable;

  return (
    <div className="page">
      <PageHeading
        key={step}
        title={step === 'form' ? t('transfer.title') : step === 'confirm' ? t('transfer.confirmTitle') : t('transfer.resultTitle')}
      />

      {profileError && !profile ? <ErrorAlert error={profileError} onRetry={reload} /> : null}
      {loadError ? <ErrorAlert error={loadError} testId="transfer-load-error" /> : null}
      {accountsUnavailable ? (
        <div className="alert alert-warning" role="alert">
          <p>{t('dashboard.accountsUnavailable')}</p>
          <button type="button" className="button button-secondary" onClick={reload}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}
      {profile && !accountsUnavailable && sources.length === 0 ? <p className="muted">{t('transfer.noAccounts')}</p> : null}

      {step === 'form' && source ? (
        <form className="card form-card" onSubmit={onSubmit} noValidate data-testid="transfer-form">
          {submitted && (!amountCheck.ok || destinationInvalid || ibanInvalid || bicError || beneficiaryError || descriptionError) ? (
            <div className="alert alert-error" role="alert">
              <p>{t('transfer.fixErrors')}</p>
            </div>
          ) : null}

          <div className="field">
            <label htmlFor="transfer-source">{t('transfer.source')}</label>
            <select
              id="transfer-source"
              data-testid="transfer-source"
              value={source.id}
              onChange={(event) => setSourceId(event.target.value)}
            >
              {sources.map((view) => (
                <option key={view.account.id} value={view.account.id}>
                  {t('transfer.sourceOption', {
                    product: productLabel(i18n, view.account.product),
                    currency: view.account.currency,
                    number: `****${view.account.accountNumber.slice(-4)}`,
                    amount: formatAmount(view.available),
                  })}
                </option>
              ))}
            </select>
          </div>

          <div className="field">
            <label htmlFor="transfer-type">{t('transfer.type')}</label>
            <select
              id="transfer-type"
              data-testid="transfer-type"
              value={type}
              onChange={(event) => {
                setType(event.target.value as TransferType);
                setDestinationBlurred(false);
              }}
            >
              <option value="internal">{t('transfer.type.internal')}</option>
              <option value="interbank">{t('transfer.type.interbank')}</option>
              <option value="international">{t('transfer.type.international')}</option>
            </select>
          </div>

          {international ? (
            <>
              <Field
                ref={ibanRef}
                id="transfer-iban"
                label={t('transfer.iban')}
                hint={t('transfer.ibanHint')}
                describedBy={['transfer-iban-status']}
                data-testid="transfer-iban"
                className="mono"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={42}
                value={iban}
                onChange={(event) => setIban(event.target.value)}
                onBlur={() => setIbanBlurred(iban !== '')}
                aria-invalid={ibanInvalid || undefined}
                data-state={ibanCheck.state}
              >
                <p className={`field-status status-${ibanStatus.tone}`} id="transfer-iban-status" aria-live="polite"
                  data-testid="transfer-iban-status" data-state={ibanCheck.state}>
                  {ibanStatus.message}
                </p>
              </Field>
              <Field
                ref={bicRef}
                id="transfer-bic"
                label={t('transfer.bic')}
                hint={t('transfer.bicHint')}
                error={bicError}
                data-testid="transfer-bic"
                className="mono"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={14}
                value={bic}
                onChange={(event) => setBic(event.target.value)}
              />
              <div className="field">
                <label htmlFor="transfer-target-currency">{t('transfer.targetCurrency')}</label>
                <select id="transfer-target-currency" data-testid="transfer-target-currency" value={target}
                  onChange={(event) => setTargetCurrency(event.target.value)}>
                  {targetOptions.map((code) => (
                    <option key={code} value={code}>{t(`currency.${code}` as MessageKey)}</option>
                  ))}
                </select>
              </div>
            </>
          ) : (
          <Field
            ref={destinationRef}
            id="transfer-destination"
            label={t(type === 'interbank' ? 'transfer.destination.interbank' : 'transfer.destination.internal')}
            hint={t('transfer.destinationHint')}
            describedBy={['transfer-destination-status']}
            data-testid="transfer-destination"
            className="mono"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={type === 'interbank' ? 32 : 24}
            value={destination}
            onChange={(event) => setDestination(event.target.value)}
            onBlur={() => setDestinationBlurred(destination !== '')}
            aria-invalid={destinationInvalid || undefined}
            data-state={check.state}
          >
            <p
              className={`field-status status-${destStatus.tone}`}
              id="transfer-destination-status"
              aria-live="polite"
              data-testid="transfer-destination-status"
              data-state={check.state}
            >
              {destStatus.message}
            </p>
          </Field>
          )}

          {type === 'interbank' || international ? (
            <Field
              ref={beneficiaryRef}
              id="transfer-beneficiary"
              label={t('transfer.beneficiary')}
              error={beneficiaryError}
              data-testid="transfer-beneficiary"
              autoComplete="off"
              maxLength={80}
              value={beneficiary}
              onChange={(event) => setBeneficiary(event.target.value)}
            />
          ) : null}

          <Field
            ref={amountRef}
            id="transfer-amount"
            label={international ? t('transfer.amountReceived', { currency: amountCurrency }) : t('transfer.amount', { currency })}
            hint={t('transfer.amountHint')}
            error={amountError}
            describedBy={overAvailable ? ['transfer-amount-warning'] : []}
            data-testid="transfer-amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            maxLength={20}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          >
            {overAvailable && sourceView ? (
              <p className="field-status status-warning" id="transfer-amount-warning">
                {t('transfer.amountOverAvailable', { amount: formatAmount(sourceView.available) })}
              </p>
            ) : null}
          </Field>

          {international ? (
            <div className="quote card-inset" data-testid="transfer-quote-panel">
              {liveQuote ? (
                <QuoteFacts quote={liveQuote.quote} seconds={quoteSeconds} />
              ) : (
                <p className="muted small">{t('quote.intro')}</p>
              )}
              <ErrorAlert error={quoteError} testId="transfer-quote-error" />
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void requestQuote()}
                disabled={quoting || !amountCheck.ok}
                aria-busy={quoting || undefined}
                data-testid={liveQuote ? 'transfer-requote' : 'transfer-quote'}
              >
                {quoting ? t('quote.asking') : liveQuote ? t('quote.again') : t('quote.ask')}
              </button>
            </div>
          ) : null}

          <Field
            ref={descriptionRef}
            id="transfer-description"
            label={t('transfer.description')}
            error={descriptionError}
            data-testid="transfer-description"
            autoComplete="off"
            maxLength={140}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />

          <button type="submit" className="button button-primary button-block" data-testid="transfer-submit">
            {t('transfer.submit')}
          </button>
        </form>
      ) : null}

      {step === 'confirm' && prepared ? (
        <section className="card form-card" aria-describedby="confirm-intro" data-testid="transfer-confirmation">
          <p id="confirm-intro">{t('transfer.confirmIntro')}</p>
          <dl className="summary">
            <div>
              <dt>{t('transfer.summary.type')}</dt>
              <dd>{t(`transfer.type.${prepared.request.type}` as MessageKey)}</dd>
            </div>
            <div>
              <dt>{t('transfer.summary.from')}</dt>
              <dd>{accountLabel(i18n, prepared.source)}</dd>
            </div>
            <div>
              <dt>{t('transfer.summary.to')}</dt>
              <dd className="mono" data-testid="transfer-summary-destination">
                {prepared.destinationDigits}
              </dd>
            </div>
            {prepared.bic ? (
              <div>
                <dt>{t('transfer.bic')}</dt>
                <dd className="mono">{prepared.bic}</dd>
              </div>
            ) : null}
            {prepared.request.beneficiaryName ? (
              <div>
                <dt>{t('transfer.summary.beneficiary')}</dt>
                <dd>{prepared.request.beneficiaryName}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('transfer.summary.amount')}</dt>
              <dd className="summary-amount" data-testid="transfer-summary-amount" data-amount={prepared.request.amount.amount}>
                {formatAmount(prepared.request.amount)}
              </dd>
            </div>
            {prepared.request.description ? (
              <div>
                <dt>{t('transfer.summary.description')}</dt>
                <dd>{prepared.request.description}</dd>
              </div>
            ) : null}
          </dl>

          {prepared.quote && prepared.quoteDeadline !== undefined ? (
            <div className="quote card-inset">
              <QuoteFacts quote={prepared.quote} seconds={secondsLeft(prepared.quoteDeadline, now)} />
              {secondsLeft(prepared.quoteDeadline, now) === 0 ? (
                <>
                  <ErrorAlert error={quoteError} testId="transfer-quote-error" />
                  <button type="button" className="button button-secondary" onClick={() => void requote()} disabled={quoting || sending}
                    aria-busy={quoting || undefined} data-testid="transfer-requote">
                    {quoting ? t('quote.asking') : t('quote.again')}
                  </button>
                </>
              ) : null}
            </div>
          ) : null}

          <ErrorAlert error={sendError} testId="transfer-error" />
          {sendError && retryable ? <p className="hint">{t('transfer.retryNote')}</p> : null}

          <div className="actions">
            {!sendError || retryable ? (
              <button
                type="button"
                className="button button-primary"
                onClick={confirm}
                disabled={sending || (prepared.quoteDeadline !== undefined && secondsLeft(prepared.quoteDeadline, now) === 0)}
                aria-busy={sending || undefined}
                data-testid="transfer-confirm"
              >
                {sending ? t('transfer.confirming') : sendError ? t('transfer.retry') : t('transfer.confirm')}
              </button>
            ) : null}
            <button type="button" className="button button-secondary" onClick={backToForm} disabled={sending} data-testid="transfer-back">
              {t('transfer.edit')}
            </button>
          </div>
        </section>
      ) : null}

      {step === 'result' && payment ? (
        <section className="card form-card" aria-labelledby="receipt-title" data-testid="transfer-result">
          <div className="result-state">
            <StateBadge state={payment.state} testId="transfer-result-state" />
          </div>
          {payment.state === 'awaiting_authorization' ? (
            <>
              <p className="alert alert-warning" role="status" data-testid="transfer-step-up">
                {t('transfer.stepUpRequired')}
              </p>
              <StepUpPanel
                payment={payment}
                onUpdated={(updated) => {
                  setPayment(updated);
                  setPolls(0);
                  reload();
                }}
              />
            </>
          ) : payment.state === 'under_review' ? (
            <p className="alert alert-info" role="status">
              {t('transfer.underReview')}
            </p>
          ) : MOVING_STATES.has(payment.state) ? (
            <p className="alert alert-info" role="status">
              {t('transfer.inProgress')}
            </p>
          ) : null}

          <h2 id="receipt-title">{t('transfer.receipt')}</h2>
          <dl className="summary">
            <div>
              <dt>{t('receipt.id')}</dt>
              <dd className="mono" data-testid="transfer-result-id">
                {payment.id}
              </dd>
            </div>
            <div>
              <dt>{t('receipt.type')}</dt>
              <dd>{paymentTypeLabel(i18n, payment.type)}</dd>
            </div>
            <div>
              <dt>{t('receipt.amount')}</dt>
              <dd className="summary-amount" data-testid="transfer-result-amount" data-amount={payment.amount?.amount}>
                {formatAmount(payment.amount)}
              </dd>
            </div>
            <div>
              <dt>{t('receipt.payee')}</dt>
              <dd className="mono" data-testid="transfer-result-payee">
                {maskPayee(payment.payee)}
              </dd>
            </div>
            {payment.beneficiaryName ? (
              <div>
                <dt>{t('receipt.beneficiary')}</dt>
                <dd>{payment.beneficiaryName}</dd>
              </div>
            ) : null}
            {payment.fx?.targetAmount ? (
              <div>
                <dt>{t('quote.receives')}</dt>
                <dd data-testid="transfer-result-target-amount">{formatAmount(payment.fx.targetAmount)}</dd>
              </div>
            ) : null}
            {payment.fx?.rate ? (
              <div>
                <dt>{t('quote.rate')}</dt>
                <dd className="mono">{payment.fx.rate}</dd>
              </div>
            ) : null}
            {payment.description ? (
              <div>
                <dt>{t('receipt.description')}</dt>
                <dd>{payment.description}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('receipt.state')}</dt>
              <dd>
                <StateBadge state={payment.state} />
              </dd>
            </div>
            <div>
              <dt>{t('receipt.date')}</dt>
              <dd>{formatDateTime(payment.createdAt)}</dd>
            </div>
            {payment.failureReason ? (
              <div>
                <dt>{t('receipt.reason')}</dt>
                <dd data-testid="transfer-result-reason">{describeFailure(payment.failureReason, i18n)}</dd>
              </div>
            ) : null}
          </dl>
          <ErrorAlert error={refreshError} />
          <div className="actions">
            {!['completed', 'failed', 'returned'].includes(payment.state) ? (
              <button type="button" className="button button-secondary" onClick={refreshPayment} disabled={refreshing} data-testid="transfer-refresh">
                {refreshing ? t('transfer.refreshing') : t('transfer.refresh')}
              </button>
            ) : null}
            <button type="button" className="button button-primary" onClick={startOver} data-testid="transfer-new">
              {t('transfer.new')}
            </button>
            <Link className="button button-secondary" to={`/payments?accountId=${encodeURIComponent(payment.sourceAccountId)}`}>
              {t('transfer.seePayments')}
            </Link>
          </div>
        </section>
      ) : null}
    </div>
  );
}
