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
 * Fills a message's `{name}` placeholders. A placeholder without a value is left visible
 * (`{name}`) so a missing argument shows in a screenshot instead of vanishing. Every screen's own
 * message table fills through this.
 */
export function fillPlaceholders(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Looks a shell message up and fills its placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(MESSAGES[locale][key], params);
}
