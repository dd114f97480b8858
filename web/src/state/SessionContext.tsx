import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchSession, logout as bffLogout } from '../api/bff';
import { ApiError, setUnauthenticatedListener } from '../api/http';
import type { SessionView } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous'; reason?: 'expired' | 'logged_out' }
  | { status: 'authenticated'; session: SessionView };

interface SessionApi {
  state: SessionState;
  /** After /bff/verify-otp: the session view it answered. */
  loggedIn: (session: SessionView) => void;
  logout: () => Promise<void>;
  reload: () => void;
  /** The login is over (a 401 from the API): show the login page with a message. */
  expired: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    // First call of the app: tells who is logged in and hands out the XSRF-TOKEN cookie.
    fetchSession(controller.signal)
      .then((session) => setState(session ? { status: 'authenticated', session } : { status: 'anonymous' }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error });
        }
      });
    return () => controller.abort();
  }, [attempt]);

  const expired = useCallback(() => {
    setState((current) => (current.status === 'authenticated' ? { status: 'anonymous', reason: 'expired' } : current));
  }, []);

  useEffect(() => {
    setUnauthenticatedListener(() => expired());
    return () => setUnauthenticatedListener(null);
  }, [expired]);

  const loggedIn = useCallback((session: SessionView) => setState({ status: 'authenticated', session }), []);

  const logout = useCallback(async () => {
    try {
      await bffLogout();
    } catch (error) {
      // Unreachable gateway: the session may still be alive there, so stay and let the caller say so.
      if (error instanceof ApiError && error.status === 0) {
        throw error;
      }
      // Anything else (already logged out, CSRF refused twice): the browser's session is over for the app anyway.
    }
    setState({ status: 'anonymous', reason: 'logged_out' });
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  const api = useMemo(() => ({ state, loggedIn, logout, reload, expired }), [state, loggedIn, logout, reload, expired]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const context = useContext(SessionContext);
  if (!context) {
    throw new Error('useSession outside SessionProvider');
  }
  return context;
}

/** The logged-in customer's id, or null (staff, or nobody). */
export function useCustomerId(): string | null {
  const { state } = useSession();
  return state.status === 'authenticated' ? state.session.customerId : null;
}
