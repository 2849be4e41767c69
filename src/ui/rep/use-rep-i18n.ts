import { useMemo } from 'react';
import type { MessageParams } from '../../i18n/index.ts';
import { useI18n, type I18n } from '../use-i18n.ts';
import { repText, type RepMessageKey } from './rep-text.ts';

export interface RepI18n extends I18n {
  /** A rep-mode message (src/ui/rep/rep-text.ts). */
  r: (key: RepMessageKey, params?: MessageParams) => string;
}

/** The shell's locale and `t`, plus `r` for rep mode's own messages (as useNeedsI18n does for needs). */
export function useRepI18n(): RepI18n {
  const i18n = useI18n();
  return useMemo(() => ({ ...i18n, r: (key: RepMessageKey, params?: MessageParams) => repText(i18n.locale, key, params) }), [i18n]);
}
