import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchProfile } from '../api/customers';
import type { AccountResponse, CustomerProfile, Money } from '../api/types';
import { useLive } from './LiveContext';
import { useCustomerId } from './SessionContext';

/** An account with the available balance to show: the profile's, or a newer one from the live stream. */
export interface AccountView {
  account: AccountResponse;
  available: Money;
  /** The available balance came from a live notification newer than the profile. */
  live: boolean;
}

interface ProfileApi {
  profile: CustomerProfile | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
  accounts: AccountView[];
  /** The accounts part could not be read (the ledger did not answer in time). */
  accountsUnavailable: boolean;
}

const ProfileContext = createContext<ProfileApi | null>(null);

function isAfter(a: string, b: string | null): boolean {
  if (!b) {
    return true;
  }
  const left = Date.parse(a);
  const right = Date.parse(b);
  return Number.isNaN(left) || Number.isNaN(right) || left > right;
}

/** The customer 360° view (GET /api/customers/customers/{id}/profile), shared by the screens. */
export function ProfileProvider({ children }: { children: ReactNode }) {
  const customerId = useCustomerId();
  const { balances } = useLive();
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!customerId) {
      setProfile(null);
      setError(null);
      setLoading(false);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchProfile(customerId, controller.signal)
      .then((loaded) => {
        setProfile(loaded);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) {
          setError(failure);
          setLoading(false);
        }
      });
    return () => controller.abort();
  }, [customerId, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  const accounts = useMemo<AccountView[]>(() => {
    const part = profile?.accounts;
    if (!part || part.status !== 'available' || !Array.isArray(part.data)) {
      return [];
    }
    return part.data.map((account) => {
      const update = balances[account.id];
      // A notification newer than the view wins; an older one is already in it (the view is dropped on transfers).
      if (update && update.available.currency === account.currency && isAfter(update.at, profile?.generatedAt ?? null)) {
        return { account, available: update.available, live: true };
      }
      return { account, available: account.available, live: false };
    });
  }, [profile, balances]);

  const accountsUnavailable = !!profile && profile.accounts?.status !== 'available';

  const api = useMemo(
    () => ({ profile, loading, error, reload, accounts, accountsUnavailable }),
    [profile, loading, error, reload, accounts, accountsUnavailable],
  );
  return <ProfileContext.Provider value={api}>{children}</ProfileContext.Provider>;
}

export function useProfile(): ProfileApi {
  const context = useContext(ProfileContext);
  if (!context) {
    throw new Error('useProfile outside ProfileProvider');
  }
  return context;
}
