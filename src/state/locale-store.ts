import { create } from 'zustand';
import { DEFAULT_LOCALE, type Locale } from '../i18n/index.ts';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The kiosk language. Not persisted: every new customer starts in zh-CN. */
export const useLocaleStore = create<LocaleState>()((set) => ({
  locale: DEFAULT_LOCALE,
  setLocale: (locale) => set({ locale }),
}));
