import { useI18n } from '../i18n/I18nContext';

const TONES: Record<string, string> = {
  completed: 'success',
  failed: 'danger',
  returned: 'warning',
  awaiting_authorization: 'warning',
  under_review: 'warning',
};

/** A payment state in words, with its raw value in data-state. */
export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  const { tOr } = useI18n();
  return (
    <span className={`badge badge-${TONES[state] ?? 'neutral'}`} data-state={state} data-testid={testId}>
      {tOr(`payment.state.${state}`, state)}
    </span>
  );
}
