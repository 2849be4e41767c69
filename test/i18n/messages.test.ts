import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { LOCALES, MESSAGES, placeholders, translate } from '../../src/i18n/index.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

describe('message files', () => {
  it('have exactly the same keys in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(LOCALES)('has no empty message in %s', (locale) => {
    for (const [key, message] of Object.entries(MESSAGES[locale])) {
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders for a key in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('has Chinese text in the zh-CN brand and English in the en brand', () => {
    expect(zhCN['app.brand']).toMatch(/[\u4e00-\u9fff]/);
    expect(en['app.brand']).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'range.ofRated', { percent: '62%', rated: '600 km' })).toBe(
      '62% of the 600 km CLTC rating',
    );
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translate('en', 'unit.kwh', {})).toBe('{value} kWh');
  });
});
