import { useI18n } from '../i18n/I18nContext';

/** A loading state screen readers hear too. */
export function Loading({ label, testId = 'loading' }: { label?: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}
