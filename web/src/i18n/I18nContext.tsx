import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DICTIONARIES, interpolate, LANGUAGES, type Language, type MessageKey } from './messages';

const STORAGE_KEY = 'quipu.language';

export interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** For keys built from API values (states, codes): the fallback when the dictionary has no such key. */
  tOr: (key: string, fallback: string, params?: Record<string, string | number>) => string;
  has: (key: string) => boolean;
  /** Date and time in Lima, in the chosen language. */
  formatDateTime: (iso: string | null | undefined) => string;
  formatTime: (iso: string | null | undefined) => string;
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) {
      return stored as Language;
    }
  } catch {
    // Storage blocked: Spanish.
  }
  return 'es';
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[lang] as Record<string, string>;
    const locale = lang === 'es' ? 'es-PE' : 'en-US';
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Lima' });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'America/Lima' });
    const format = (formatter: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) {
        return '—';
      }
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
    };
    return {
      lang,
      setLang,
      t: (key, params) => interpolate(dictionary[key] ?? key, params),
      tOr: (key, fallback, params) => interpolate(dictionary[key] ?? fallback, params),
      has: (key) => key in dictionary,
      formatDateTime: (iso) => format(dateTime, iso),
      formatTime: (iso) => format(time, iso),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) {
    throw new Error('useI18n outside I18nProvider');
  }
  return context;
}
