import { describe, expect, it } from 'vitest';
import { placeholders } from '../../../src/i18n/index.ts';
import { KIOSKS_MESSAGES, kiosksText, type KiosksMessageKey } from '../../../src/ui/rep/kiosks-text.ts';
import { formatAgo, formatBytes, formatDuration } from '../../../src/ui/rep/rep-format.ts';

describe('kiosks view strings', () => {
  it('have the same placeholders in zh-CN and en, and none empty', () => {
    for (const key of Object.keys(KIOSKS_MESSAGES['zh-CN']) as KiosksMessageKey[]) {
      expect(KIOSKS_MESSAGES.en[key], key).not.toBe('');
      expect(placeholders(KIOSKS_MESSAGES.en[key]), key).toEqual(placeholders(KIOSKS_MESSAGES['zh-CN'][key]));
    }
    expect(kiosksText('en', 'summary.quiet', { n: 3, quiet: 1 })).toBe('Kiosks: 3, not heard from: 1');
  });
});

describe('times and sizes in the kiosks view', () => {
  it('says how long ago in the locale, with numbers (no “yesterday” for 25 hours)', () => {
    expect(formatAgo('zh-CN', 42)).toBe('42秒钟前');
    expect(formatAgo('en', 42)).toBe('42 seconds ago');
    expect(formatAgo('zh-CN', 299)).toBe('4分钟前');
    expect(formatAgo('en', 3 * 3600 + 5)).toBe('3 hours ago');
    expect(formatAgo('en', 25 * 3600)).toBe('1 day ago');
    expect(formatAgo('zh-CN', 25 * 3600)).toBe('1天前');
  });

  it('says for how long in whole minutes, hours or days', () => {
    expect(formatDuration('zh-CN', 181)).toBe('3分钟');
    expect(formatDuration('en', 181)).toBe('3 minutes');
    expect(formatDuration('en', 3600)).toBe('1 hour');
    expect(formatDuration('zh-CN', 3 * 86_400)).toBe('3天');
  });

  it('gives storage in MB, and GB from a gigabyte', () => {
    expect(formatBytes(21_400_000)).toBe('21 MB');
    expect(formatBytes(60_000_000_000)).toBe('60.0 GB');
  });
});
