/**
 * Calls to the gateway, at the same origin: the HttpOnly session cookie goes along by itself; every state-changing
 * call carries X-XSRF-TOKEN with the value of the readable XSRF-TOKEN cookie. Failures become ApiError, read from
 * the RFC 9457 problem details every Quipu service answers with ({code, detail, errors}).
 */

export interface FieldError {
  field?: string;
  code?: string;
  message?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, detail?: string, errors: FieldError[] = [], retryAfterSeconds?: number) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The request may not have reached the server, or the server failed: the same request may be sent again. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429 || this.code === 'idempotency_request_in_progress';
  }
}

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) {
      continue;
    }
    if (part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

type UnauthenticatedListener = (code: string) => void;
let unauthenticatedListener: UnauthenticatedListener | null = null;

/** Called when an /api/** call answers 401 (the login is over: session_expired, unauthenticated). */
export function setUnauthenticatedListener(listener: UnauthenticatedListener | null): void {
  unauthenticatedListener = listener;
}

/** GET /bff/session hands out the XSRF-TOKEN cookie (and tells who is logged in). */
async function fetchCsrfCookie(): Promise<void> {
  try {
    await fetch('/bff/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    // The real request reports the failure.
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number.parseInt(value.trim(), 10);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isJson(response: Response): boolean {
  const type = response.headers.get('Content-Type') ?? '';
  return /application\/(problem\+)?json/i.test(type);
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isJson(response)) {
    try {
      const problem = (await response.json()) as { code?: unknown; detail?: unknown; errors?: unknown };
      const code = typeof problem.code === 'string' ? problem.code : `http_${response.status}`;
      const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
      const errors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
      return new ApiError(response.status, code, detail, errors, retryAfter);
    } catch {
      // Not readable: fall through to a plain status.
    }
  }
  return new ApiError(response.status, `http_${response.status}`, undefined, [], retryAfter);
}

/**
 * The query string of one page of a list: the filters that have a value (trimmed), the cursor of the page (absent on
 * the first) and the page size. Every keyset-paged list of the API takes this shape.
 */
export function pageQuery(filters: Record<string, string | null | undefined>, cursor: string | null | undefined, limit: number): string {
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(filters)) {
    const value = raw?.trim();
    if (value) {
      params.set(key, value);
    }
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  params.set('limit', String(limit));
  return params.toString();
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent exactly as given (JSON already serialized): an idempotent retry must repeat the same bytes. */
  rawBody?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function apiRequest<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const unsafe = !SAFE_METHODS.has(method);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));

  const send = async (): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (unsafe) {
      if (readCookie(CSRF_COOKIE) === undefined) {
        await fetchCsrfCookie();
      }
      const token = readCookie(CSRF_COOKIE);
      if (token !== undefined) {
        headers[CSRF_HEADER] = token;
      }
    }
    return fetch(url, { method, headers, body, credentials: 'same-origin', cache: 'no-store', signal: options.signal });
  };

  let response: Response;
  try {
    response = await send();
    if (unsafe && response.status === 403) {
      const refusal = await toApiError(response.clone());
      if (refusal.code === 'csrf_token_invalid') {
        // The request was refused before anything ran: get a fresh cookie and send it once more.
        await fetchCsrfCookie();
        response = await send();
      }
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'network_error');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && url.startsWith('/api/')) {
      unauthenticatedListener?.(error.code);
    }
    throw error;
  }
  if (response.status === 204 || !isJson(response)) {
    return undefined as T;
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, 'invalid_response');
  }
}

export const get = <T>(url: string, signal?: AbortSignal) => apiRequest<T>('GET', url, { signal });

/** A binary answer (a PDF): fetched like apiRequest's GETs, failures as ApiError. */
export async function getBlob(url: string, options: { headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/pdf, application/problem+json', ...options.headers },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'network_error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && url.startsWith('/api/') && !url.startsWith('/api/customers/onboarding')) {
      unauthenticatedListener?.(error.code);
    }
    throw error;
  }
  return response.blob();
}
