import { describe, expect, it } from 'vitest';
import { daysText, displayKm, formatCny, formatCnyCompact, formatDuration, formatRangeKm, reasonText } from '../../../src/ui/needs/plan-format.ts';

describe('plan display formatting', () => {
  it('rounds every range to whole kilometres the same way', () => {
    expect(displayKm(207.5)).toBe(208);
    expect(displayKm(207.49)).toBe(207);
    expect(formatRangeKm('zh-CN', 1207.6)).toBe('1,208公里');
    expect(formatRangeKm('en', 1207.6)).toBe('1,208 km');
  });

  it('formats yuan for the locale', () => {
    expect(formatCny('zh-CN', 5892)).toBe('¥5,892');
    expect(formatCny('en', 5892)).toBe('CN¥5,892');
    expect(formatCny('zh-CN', 0.31, 2)).toBe('¥0.31');
    expect(formatCnyCompact('zh-CN', 229_900)).toBe('¥22.99万');
    expect(formatCnyCompact('en', 250_000)).toBe('CN¥250K');
  });

  it('says how often to charge, including a commute too long for one charge and no commute', () => {
    expect(daysText('zh-CN', 3)).toBe('约 3 天充一次电');
    expect(daysText('en', 1)).toBe('Charge every day');
    expect(daysText('en', 0)).toBe('More than one charge a day');
    expect(daysText('en', Infinity)).toBe('Hardly ever needs charging');
  });

  it('gives charging sessions in minutes, or hours and minutes to 5 min', () => {
    expect(formatDuration('en', 28.4)).toBe('28 min');
    expect(formatDuration('en', 301)).toBe('5 hr');
    expect(formatDuration('zh-CN', 317)).toBe('5小时 15分钟');
  });

  it('writes a reason with its numbers in the locale', () => {
    const reason = { code: 'long-trip-in-winter' as const, values: { rangeKm: 305.6, tripKm: 300 } };
    expect(reasonText('zh-CN', reason)).toBe('冬季高速约可跑 306公里，覆盖您 300公里 的常跑长途');
    expect(reasonText('en', reason)).toBe('About 306 km on a winter highway covers your 300 km trip');
    expect(reasonText('en', { code: 'cold-region-heat-pump', values: { winterC: -23 } })).toBe('Heat pump: uses less energy in -23°C winters');
    expect(reasonText('en', { code: 'over-budget', values: { overCny: 19_900 } })).toBe('CN¥19.9K above your budget');
  });
});
