import { useI18n } from '../i18n/I18nContext';
import type { Language } from '../i18n/messages';

/** Spanish by default; the choice is kept in localStorage. Its name is bilingual on purpose. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <select
      className="language-switch"
      data-testid="language-switch"
      aria-label={t('app.languageLabel')}
      value={lang}
      onChange={(event) => setLang(event.target.value as Language)}
    >
      <option value="es" lang="es">Español</option>
      <option value="en" lang="en">English</option>
    </select>
  );
}
