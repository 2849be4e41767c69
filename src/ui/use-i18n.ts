import { useMemo } from 'react';
import { translate, type Locale, type MessageKey, type MessageParams } from '../i18n/index.ts';
import { useLocaleStore } from '../state/locale-store.ts';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
}

/** The current locale and a bound `t`; re-renders the caller when the language changes. */
export function useI18n(): I18n {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(
    () => ({ locale, t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params) }),
    [locale],
  );
}
