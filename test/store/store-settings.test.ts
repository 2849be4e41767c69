import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES } from '../../src/i18n/index.ts';
import { DEFAULT_PRICES } from '../../src/plan/index.ts';
import { DEFAULT_NOTICE } from '../../src/server/routes-notice.ts';
import { problemMessage, settingsIssues } from '../../src/store/settings-issues.ts';
import { defaultStoreSettings, orderCars, storeSettingsSchema, StoreSettingsSchema } from '../../src/store/store-settings.ts';

const LINEUP = ['vela-s5-standard', 'vela-s5-long-range', 'vela-x7-standard'];

/** The dotted paths of what is wrong with `input` (none: it parses). */
function badPaths(input: unknown, lineupIds?: string[]): string[] {
  const r = storeSettingsSchema(lineupIds ? { lineupIds } : {}).safeParse(input);
  return r.success ? [] : [...new Set(settingsIssues(r.error).map((i) => i.path))];
}

const base = { storeId: 'sh-pudong-01' };
const withField = (key: string, value: unknown) => ({ ...base, [key]: value });

describe('store settings defaults', () => {
  it('equal what the kiosk did before the file existed (the countdown raised to 20 s for WCAG 2.2.1)', () => {
    const d = defaultStoreSettings('local');
    expect(d).toEqual({
      storeId: 'local',
      name: DEFAULT_NOTICE.dealerName,
      prices: DEFAULT_PRICES,
      // The old constants: reset after 120 s (kiosk-config's DEFAULT_IDLE_TIMEOUT_S), a 10 s warning.
      idle: { attractAfterS: 60, resetAfterS: 120, stillThereS: 20 },
      languages: { offered: [...LOCALES], default: DEFAULT_LOCALE },
    });
    expect(d.cars).toBeUndefined(); // every car of models/index.json, in its order
    expect(d.shareOrigin).toBeUndefined(); // ?share= or PUBLIC_ORIGIN as before
  });

  it('fill every field a file leaves out, section by section', () => {
    const s = StoreSettingsSchema.parse({ ...base, prices: { petrolCnyPerL: 8.1 }, idle: { resetAfterS: 300 }, languages: { default: 'en' } });
    expect(s.prices).toEqual({ ...DEFAULT_PRICES, petrolCnyPerL: 8.1 });
    expect(s.idle).toEqual({ attractAfterS: 60, resetAfterS: 300, stillThereS: 20 });
    expect(s.languages).toEqual({ offered: ['zh-CN', 'en'], default: 'en' });
  });

  it('take the server’s dealer name for a file without a name', () => {
    const name = { 'zh-CN': '星辰汽车浦东店', en: 'Xingchen Pudong' };
    expect(storeSettingsSchema({ defaultName: name }).parse(base).name).toEqual(name);
    expect(defaultStoreSettings('a', name).name).toEqual(name);
  });
});

describe('store settings validation, field by field', () => {
  it('needs a store id of the lead schema’s form', () => {
    expect(badPaths({})).toEqual(['storeId']);
    expect(badPaths({ storeId: 'Sh Pudong' })).toEqual(['storeId']);
    expect(badPaths({ storeId: 7 })).toEqual(['storeId']);
    expect(badPaths(base)).toEqual([]);
  });

  it('names unknown fields, at the top and inside sections (a misspelt key is the usual mistake)', () => {
    expect(badPaths({ ...base, finance: { offers: [] } })).toEqual(['finance']);
    expect(badPaths({ ...base, prices: { petrolCnyPerLitre: 8 } })).toEqual(['prices.petrolCnyPerLitre']);
    expect(badPaths({ ...base, name: { 'zh-CN': '店', en: 'Shop', fr: 'Magasin' } })).toEqual(['name.fr']);
  });

  it.each([
    [{ 'zh-CN': '维拉上海浦东店', en: 'Vela Shanghai Pudong' }, []],
    [{ 'zh-CN': '  ', en: 'Vela' }, ['name.zh-CN']],
    [{ 'zh-CN': '店', en: 'x'.repeat(121) }, ['name.en']],
    [{ 'zh-CN': '店' }, ['name.en']],
    ['维拉', ['name']],
  ])('name %j -> %j', (name, paths) => {
    expect(badPaths(withField('name', name))).toEqual(paths);
  });

  it('trims the names', () => {
    expect(StoreSettingsSchema.parse(withField('name', { 'zh-CN': ' 浦东店 ', en: ' Pudong ' })).name).toEqual({ 'zh-CN': '浦东店', en: 'Pudong' });
  });

  it.each([
    [['vela-x7-standard', 'vela-s5-standard'], []],
    [[], ['cars']],
    [['vela-s5-standard', 'vela-s5-standard'], ['cars.1']],
    [['Vela S5'], ['cars.0']],
    [['../secrets'], ['cars.0']],
    ['vela-s5-standard', ['cars']],
    [['vela-s5-standard', 'vela-s9'], ['cars.1']],
  ])('cars %j -> %j (checked against the line-up)', (cars, paths) => {
    expect(badPaths(withField('cars', cars), LINEUP)).toEqual(paths);
  });

  it('checks cars for form only when the line-up is unknown', () => {
    expect(badPaths(withField('cars', ['vela-s9']))).toEqual([]);
    const r = storeSettingsSchema({ lineupIds: LINEUP }).safeParse(withField('cars', ['vela-s9']));
    expect(r.success || r.error.issues[0]!.message).toMatch(/no vehicle vela-s9 in the line-up/);
  });

  it.each(Object.keys(DEFAULT_PRICES))('price %s: a number within PricesSchema’s bounds', (key) => {
    expect(badPaths(withField('prices', { [key]: 0 }))).toEqual([]);
    expect(badPaths(withField('prices', { [key]: -0.01 }))).toEqual([`prices.${key}`]);
    expect(badPaths(withField('prices', { [key]: 51 }))).toEqual([`prices.${key}`]);
    expect(badPaths(withField('prices', { [key]: '0.6' }))).toEqual([`prices.${key}`]);
    expect(badPaths(withField('prices', { [key]: null }))).toEqual([`prices.${key}`]);
  });

  it.each([
    [{ stillThereS: 20 }, []],
    [{ stillThereS: 19 }, ['idle.stillThereS']],
    [{ stillThereS: 20.5 }, ['idle.stillThereS']],
    [{ resetAfterS: 29 }, ['idle.resetAfterS']],
    [{ resetAfterS: 60, stillThereS: 55 }, ['idle.resetAfterS']],
    [{ attractAfterS: 100, resetAfterS: 120, stillThereS: 20 }, []],
    [{ attractAfterS: 101, resetAfterS: 120, stillThereS: 20 }, ['idle.attractAfterS']],
    [{ attractAfterS: 9 }, ['idle.attractAfterS']],
    [{ resetAfterS: '120' }, ['idle.resetAfterS']],
    [{ resetAfterS: 7201 }, ['idle.resetAfterS']],
  ])('idle %j -> %j', (idle, paths) => {
    expect(badPaths(withField('idle', idle))).toEqual(paths);
  });

  it('says the WCAG reason for a countdown under 20 s', () => {
    const r = StoreSettingsSchema.safeParse(withField('idle', { stillThereS: 10 }));
    expect(r.success || r.error.issues[0]!.message).toMatch(/at least 20 s \(WCAG 2\.2\.1\)/);
  });

  it.each([
    [{ offered: ['en'], default: 'en' }, []],
    [{ offered: [] }, ['languages.offered']],
    [{ offered: ['fr'] }, ['languages.offered.0']],
    [{ offered: ['en', 'en'], default: 'en' }, ['languages.offered.1']],
    [{ offered: ['en'] }, ['languages.default']],
    [{ default: 'ja' }, ['languages.default']],
  ])('languages %j -> %j', (languages, paths) => {
    expect(badPaths(withField('languages', languages))).toEqual(paths);
  });

  it.each([
    ['https://showroom.example.cn', 'https://showroom.example.cn'],
    ['https://Showroom.Example.CN:443/', 'https://showroom.example.cn'],
    ['https://sh-pudong-01.showroom.example.cn:8443', 'https://sh-pudong-01.showroom.example.cn:8443'],
  ])('share origin %s is kept as %s', (origin, expected) => {
    expect(StoreSettingsSchema.parse(withField('shareOrigin', origin)).shareOrigin).toBe(expected);
  });

  it.each(['http://192.168.1.20:8080', 'https://showroom.example.cn/kiosk', 'https://showroom.example.cn/?a=1', 'https://user:pw@showroom.example.cn', 'https://127.0.0.1:8443', 'https://localhost', 'showroom.example.cn', 'javascript:alert(1)', ''])(
    'share origin %j is refused',
    (origin) => {
      expect(badPaths(withField('shareOrigin', origin))).toEqual(['shareOrigin']);
    },
  );
});

describe('orderCars', () => {
  it('shows the settings’ cars in their order, skips ids the line-up lost, and falls back to the whole line-up', () => {
    expect(orderCars(LINEUP, undefined)).toEqual(LINEUP);
    expect(orderCars(LINEUP, ['vela-x7-standard', 'vela-s5-standard'])).toEqual(['vela-x7-standard', 'vela-s5-standard']);
    expect(orderCars(LINEUP, ['gone', 'vela-s5-long-range'])).toEqual(['vela-s5-long-range']);
    expect(orderCars(LINEUP, ['gone'])).toEqual(LINEUP);
  });
});

describe('problem messages', () => {
  it('name the file and the first field, and count the rest', () => {
    const r = StoreSettingsSchema.safeParse({ ...base, idle: { stillThereS: 5 }, prices: { petrolCnyPerL: -1 } });
    const issues = settingsIssues(r.error!);
    expect(problemMessage('/etc/showroom/store.json', issues)).toMatch(/^\/etc\/showroom\/store\.json: prices\.petrolCnyPerL: .+ \(and 1 more\)$/);
    expect(problemMessage('store.json', [{ path: '', message: 'malformed JSON: Unexpected end' }])).toBe('store.json: malformed JSON: Unexpected end');
  });
});

describe('docs/deploy.md', () => {
  it('gives an example store file that passes the schema and the shipped line-up', () => {
    const doc = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
    const example = /### Example\s+```json\n([\s\S]*?)```/.exec(doc)?.[1];
    const lineupIds = (JSON.parse(readFileSync(new URL('../../public/models/index.json', import.meta.url), 'utf8')) as { vehicles: string[] }).vehicles;
    expect(storeSettingsSchema({ lineupIds }).safeParse(JSON.parse(example!)).error).toBeUndefined();
  });
});
