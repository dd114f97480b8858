import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fetchSession } from '../api/bff';
import { NOTIFICATION_STREAM_URL } from '../api/notifications';
import type { Money, NotificationView } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { formatAmount } from '../lib/money';
import { useSession, useCustomerId } from './SessionContext';
import { useToasts } from './ToastContext';

export type LiveStatus = 'connecting' | 'connected' | 'disconnected';

/** The newest available balance an event told of, per account, with when the notification was made. */
export interface LiveBalance {
  available: Money;
  at: string;
}

interface LiveApi {
  status: LiveStatus;
  /** Notifications that arrived on the stream in this page's life, newest first. */
  notifications: NotificationView[];
  balances: Record<string, LiveBalance>;
}

const LiveContext = createContext<LiveApi | null>(null);
const KEEP = 50;

function parseNotification(data: string): NotificationView | null {
  try {
    const value = JSON.parse(data) as Partial<NotificationView>;
    return value && typeof value === 'object' && typeof value.id === 'string' ? (value as NotificationView) : null;
  } catch {
    return null;
  }
}

function isMoney(value: unknown): value is Money {
  return !!value && typeof (value as Money).amount === 'string' && typeof (value as Money).currency === 'string';
}

function newer(a: string, b: string): boolean {
  const left = Date.parse(a);
  const right = Date.parse(b);
  return Number.isNaN(right) || (!Number.isNaN(left) && left >= right);
}

/**
 * One EventSource per logged-in page on /api/notifications/notifications/stream. Each `notification` event updates that
 * account's available balance (balanceAfter), raises a toast and joins the list. The browser reconnects by itself after
 * a network drop; a refused stream (the login ended, too many streams) is retried with a growing pause.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const customerId = useCustomerId();
  const { expired } = useSession();
  const i18n = useI18n();
  const { show } = useToasts();
  const [status, setStatus] = useState<LiveStatus>('disconnected');
  const [notifications, setNotifications] = useState<NotificationView[]>([]);
  const [balances, setBalances] = useState<Record<string, LiveBalance>>({});

  // The stream must not reopen when the language changes: read the latest translations through a ref.
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const showRef = useRef(show);
  showRef.current = show;

  useEffect(() => {
    setNotifications([]);
    setBalances({});
    if (!customerId || typeof EventSource === 'undefined') {
      setStatus('disconnected');
      return undefined;
    }
    const seen = new Set<string>();
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let failures = 0;
    let stopped = false;

    const receive = (event: MessageEvent<string>) => {
      const notification = parseNotification(event.data);
      if (!notification || seen.has(notification.id)) {
        return;
      }
      seen.add(notification.id);
      setNotifications((current) => [notification, ...current.filter((item) => item.id !== notification.id)].slice(0, KEEP));
      if (notification.accountId && isMoney(notification.balanceAfter)) {
        const accountId = notification.accountId;
        const update: LiveBalance = { available: notification.balanceAfter, at: notification.createdAt };
        setBalances((current) => {
          const previous = current[accountId];
          return previous && !newer(update.at, previous.at) ? current : { ...current, [accountId]: update };
        });
      }
      const { t, tOr } = i18nRef.current;
      showRef.current({
        title: notification.title ?? tOr(`notification.kind.${notification.kind}`, t('notification.kind.other')),
        body: notification.body ?? (notification.amount ? formatAmount(notification.amount) : undefined),
        tone: notification.kind === 'payment_failed' || notification.kind === 'account_locked' ? 'error' : 'info',
      });
    };

    const open = () => {
      if (stopped) {
        return;
      }
      setStatus('connecting');
      const stream = new EventSource(NOTIFICATION_STREAM_URL);
      source = stream;
      stream.onopen = () => {
        failures = 0;
        setStatus('connected');
      };
      stream.addEventListener('notification', receive as EventListener);
      stream.onerror = () => {
        if (stopped) {
          return;
        }
        if (stream.readyState !== EventSource.CLOSED) {
          setStatus('connecting');
          return;
        }
        stream.close();
        setStatus('disconnected');
        failures += 1;
        fetchSession()
          .then((session) => {
            if (!session) {
              expired();
            }
          })
          .catch(() => undefined);
        retryTimer = window.setTimeout(open, Math.min(60_000, 2_000 * 2 ** Math.min(failures - 1, 5)));
      };
    };

    open();
    return () => {
      stopped = true;
      source?.close();
      window.clearTimeout(retryTimer);
    };
  }, [customerId, expired]);

  const api = useMemo(() => ({ status, notifications, balances }), [status, notifications, balances]);
  return <LiveContext.Provider value={api}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveApi {
  const context = useContext(LiveContext);
  if (!context) {
    throw new Error('useLive outside LiveProvider');
  }
  return context;
}
