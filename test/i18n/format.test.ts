import { describe, expect, it } from 'vitest';
import { formatCelsius, formatKm, formatNumber, formatPercent } from '../../src/i18n/index.ts';

describe('locale formatting', () => {
  it('writes kilometres with the locale unit', () => {
    expect(formatKm('zh-CN', 412.4)).toBe('412公里');
    expect(formatKm('en', 412.6)).toBe('413 km');
  });

  it('groups thousands for the locale', () => {
    expect(formatNumber('en', 12345.678, 1)).toBe('12,345.7');
    expect(formatNumber('zh-CN', 12345.678, 1)).toBe('12,345.7');
  });

  it('writes negative temperatures with a sign and °C', () => {
    expect(formatCelsius('zh-CN', -20)).toMatch(/^-20\s?°C$/);
    expect(formatCelsius('en', 35)).toMatch(/^35\s?°C$/);
  });

  it('writes ratios as whole percentages', () => {
    expect(formatPercent('en', 0.624)).toBe('62%');
    expect(formatPercent('zh-CN', 1.05)).toBe('105%');
  });
});
