import { describe, expect, it } from 'vitest';
import { placeholders } from '../../../src/i18n/index.ts';
import { defaultStoreSettings } from '../../../src/store/store-settings.ts';
import { bodyOf, checkDraft, draftOf, issueText } from '../../../src/ui/rep/settings-form.ts';
import { SETTINGS_MESSAGES, settingsText, type SettingsMessageKey } from '../../../src/ui/rep/settings-text.ts';

const draft = () => draftOf(defaultStoreSettings('store-a'));
const errorsOf = (d: ReturnType<typeof draft>, lineupIds?: string[]) => {
  const c = checkDraft(d, lineupIds);
  return c.ok ? {} : Object.fromEntries([...c.errors].map(([path, issue]) => [path, issueText('zh-CN', path, issue)]));
};

describe('the store settings form model', () => {
  it('round-trips the settings: an untouched draft is the settings it came from', () => {
    const c = checkDraft(draft());
    expect(c.ok && c.settings).toEqual(defaultStoreSettings('store-a'));
  });

  it('sends an emptied number as null, so it is "required" and no default is saved unseen', () => {
    const d = draft();
    d.prices.petrolCnyPerL = ' ';
    expect((bodyOf(d) as { prices: Record<string, unknown> }).prices.petrolCnyPerL).toBeNull();
    expect(errorsOf(d)).toEqual({ 'prices.petrolCnyPerL': '请填写' });
  });

  it('accepts a decimal comma', () => {
    const d = draft();
    d.prices.petrolCnyPerL = '8,05';
    const c = checkDraft(d);
    expect(c.ok && c.settings.prices.petrolCnyPerL).toBe(8.05);
  });

  it('says each problem in the manager’s language', () => {
    const d = draft();
    d.idle = { attractAfterS: '20.5', resetAfterS: '100000', stillThereS: '5' };
    d.prices.publicDcCnyPerKwh = 'abc';
    d.name = { 'zh-CN': '', en: 'x'.repeat(130) };
    d.languages = { offered: [], default: 'zh-CN' };
    d.cars = ['vela-s9'];
    expect(errorsOf(d, ['vela-s5-standard'])).toEqual({
      'idle.attractAfterS': '请填写整数',
      'idle.resetAfterS': '不能大于 7200',
      'idle.stillThereS': '不能小于 20',
      'prices.publicDcCnyPerKwh': '请填写数字',
      'name.zh-CN': '请填写',
      'name.en': '最多 120 个字',
      'languages.offered': '至少提供一种语言',
      'cars.0': '车型列表中没有 vela-s9',
    });
    d.cars = [];
    d.languages = { offered: ['en'], default: 'zh-CN' };
    d.idle = { attractAfterS: '100', resetAfterS: '60', stillThereS: '30' };
    expect(errorsOf(d)).toMatchObject({ cars: '至少展示一款车型', 'languages.default': '默认语言必须是提供的语言之一', 'idle.attractAfterS': '不能超过 30 秒：待机展示应在倒计时之前开始' });
  });
});

describe('store settings card strings', () => {
  it('have the same placeholders in zh-CN and en, and none empty', () => {
    for (const key of Object.keys(SETTINGS_MESSAGES['zh-CN']) as SettingsMessageKey[]) {
      expect(SETTINGS_MESSAGES.en[key], key).not.toBe('');
      expect(placeholders(SETTINGS_MESSAGES.en[key]), key).toEqual(placeholders(SETTINGS_MESSAGES['zh-CN'][key]));
    }
    expect(settingsText('en', 'error.min', { min: 20 })).toBe('At least 20');
  });
});
