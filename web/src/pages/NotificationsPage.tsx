import { useMemo } from 'react';
import { fetchInbox } from '../api/notifications';
import type { NotificationView } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nContext';
import { notificationTitle } from '../lib/labels';
import { useCursorPages } from '../lib/useCursorPages';
import { useLive } from '../state/LiveContext';

const PAGE_SIZE = 20;

/** The inbox (GET /api/notifications/notifications), with what arrives live on top. */
export function NotificationsPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const live = useLive();
  // A refresh keeps the list shown until the new first page replaces it.
  const { items, cursor, loaded, loading, loadingMore, error, loadMore, reload } = useCursorPages(
    (after, signal) => fetchInbox(after, PAGE_SIZE, signal),
    [],
    { keyOf: (item: NotificationView) => item.id, stale: 'keep' },
  );

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
            onClick={reload}
            disabled={loading}
            data-testid="notifications-refresh"
          >
            {t('payments.refresh')}
          </button>
        </div>
      </div>
      {loading && !loaded ? <Loading /> : null}
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
      <ErrorAlert error={error} onRetry={items.length > 0 ? loadMore : reload} />
      {cursor && !loading ? (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={loadingMore} data-testid="notifications-more">
          {loadingMore ? t('notifications.loadingMore') : t('notifications.more')}
        </button>
      ) : null}
    </div>
  );
}
