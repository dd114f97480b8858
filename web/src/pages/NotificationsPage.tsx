import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchInbox } from '../api/notifications';
import type { NotificationView } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nContext';
import { notificationTitle } from '../lib/labels';
import { useLive } from '../state/LiveContext';

const PAGE_SIZE = 20;

/** The inbox (GET /api/notifications/notifications), with what arrives live on top. */
export function NotificationsPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const live = useLive();
  const [items, setItems] = useState<NotificationView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [loadedAt, setLoadedAt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchInbox(null, PAGE_SIZE, controller.signal)
      .then((page) => {
        setItems(page.items ?? []);
        setCursor(page.nextCursor ?? null);
        setLoadedAt(Date.now());
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) {
          setError(failure);
          setLoading(false);
        }
      });
    return () => controller.abort();
  }, [generation]);

  const loadMore = useCallback(() => {
    if (!cursor) {
      return;
    }
    setLoadingMore(true);
    setError(null);
    fetchInbox(cursor, PAGE_SIZE)
      .then((page) => {
        setItems((current) => {
          const known = new Set(current.map((item) => item.id));
          return [...current, ...(page.items ?? []).filter((item) => !known.has(item.id))];
        });
        setCursor(page.nextCursor ?? null);
      })
      .catch((failure: unknown) => setError(failure))
      .finally(() => setLoadingMore(false));
  }, [cursor]);

  // Live notifications not in the loaded pages go on top, marked as new.
  const shown = useMemo(() => {
    const known = new Set(items.map((item) => item.id));
    const fresh = live.notifications.filter((item) => !known.has(item.id));
    return [...fresh.map((item) => ({ item, fresh: true })), ...items.map((item) => ({ item, fresh: false }))];
  }, [items, live.notifications]);

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading title={t('notifications.title')} />
        <div className="page-head-tools">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setGeneration((value) => value + 1)}
            disabled={loading}
            data-testid="notifications-refresh"
          >
            {t('payments.refresh')}
          </button>
        </div>
      </div>
      {loading && loadedAt === 0 ? <Loading /> : null}
      {!loading && !error && shown.length === 0 ? <p className="muted">{t('notifications.empty')}</p> : null}
      {shown.length > 0 ? (
        <ul className="list" data-testid="notifications-list" aria-busy={loadingMore || undefined}>
          {shown.map(({ item, fresh }) => (
            <li key={item.id} className="row" data-testid="notification-item" data-kind={item.kind}>
              <div className="row-main">
                <span className="row-title">
                  {notificationTitle(i18n, item)}
                  {fresh ? <span className="badge badge-info badge-inline">{t('notifications.live')}</span> : null}
                </span>
                {item.body ? <span className="row-body">{item.body}</span> : null}
                <span className="row-meta">
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorAlert error={error} onRetry={items.length > 0 ? loadMore : () => setGeneration((value) => value + 1)} />
      {cursor && !loading ? (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={loadingMore} data-testid="notifications-more">
          {loadingMore ? t('notifications.loadingMore') : t('notifications.more')}
        </button>
      ) : null}
    </div>
  );
}
