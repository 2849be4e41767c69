import { useMemo } from 'react';
import type { MessageParams } from '../../i18n/index.ts';
import { useI18n, type I18n } from '../use-i18n.ts';
import { needsText, type NeedsMessageKey } from './messages.ts';

export interface NeedsI18n extends I18n {
  /** A needs-diagnosis message (src/ui/needs/messages.ts). */
  n: (key: NeedsMessageKey, params?: MessageParams) => string;
}

/** The shell's locale and `t`, plus `n` for this screen's own messages. */
export function useNeedsI18n(): NeedsI18n {
  const i18n = useI18n();
  return useMemo(() => ({ ...i18n, n: (key: NeedsMessageKey, params?: MessageParams) => needsText(i18n.locale, key, params) }), [i18n]);
}
