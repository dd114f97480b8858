import { useI18n } from '../i18n/I18nContext';
import { useLive } from '../state/LiveContext';

/** Whether the live notification stream is open: data-state is connected | connecting | disconnected. */
export function LiveStatusBadge() {
  const { t } = useI18n();
  const { status } = useLive();
  return (
    <span
      className={`live-status live-${status}`}
      data-testid="live-status"
      data-state={status}
      data-connected={status === 'connected' ? 'true' : 'false'}
    >
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </span>
  );
}
