import { en } from './en.ts';
import type { Locale, MessageKey, MessageParams } from './messages.ts';
import { zhCN } from './zh-CN.ts';

export * from './messages.ts';
export * from './format.ts';

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The placeholders `{name}` a message expects, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/**
 * Looks a message up and fills its `{name}` placeholders. A placeholder without a value is left
 * visible (`{name}`) so a missing argument shows in a screenshot instead of vanishing.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = MESSAGES[locale][key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
