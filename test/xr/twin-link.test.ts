import { describe, expect, it } from 'vitest';
import { decodeAnswers, encodeAnswers } from '../../src/plan/share.ts';
import { handoffOrigin, parseTwinLink, paintParam, resolvePaint, twinLink } from '../../src/xr/twin-link.ts';

const PAINTS = [
  { id: 'glacier-white', hex: '#f2f4f5' },
  { id: 'deep-blue', hex: '#1c3f7a' },
];
const PLAN = { dailyKm: 60, region: 'harbin' as const };

describe('twinLink: the deep link a phone opens', () => {
  it('names the car, paint, view and scenario, and opens the twin screen', () => {
    expect(twinLink('https://sh-pudong-01.showroom.example.cn:8443', { vehicleId: 'vela-s5-long-range', paint: 'deep-blue', view: 'xray', scenario: 'winter-highway' })).toBe(
      'https://sh-pudong-01.showroom.example.cn:8443/?twin=vela-s5-long-range&paint=deep-blue&view=xray&scenario=winter-highway#/twin',
    );
  });

  it('takes an origin with a trailing slash', () => {
    expect(twinLink('https://showroom.example.cn/', { vehicleId: 'vela-x7-standard' })).toBe('https://showroom.example.cn/?twin=vela-x7-standard#/twin');
  });

  it("carries the plan's answers with the customer's commute, which needs them", () => {
    const link = twinLink('https://showroom.example.cn', { vehicleId: 'vela-x7-standard', scenario: 'commute', answers: PLAN });
    expect(link).toBe(`https://showroom.example.cn/?twin=vela-x7-standard&scenario=commute&a=${encodeAnswers(PLAN)}#/twin`);
  });

  it('leaves the answers out of any other scenario', () => {
    expect(twinLink('https://showroom.example.cn', { vehicleId: 'vela-x7-standard', scenario: 'summer-city', answers: PLAN })).not.toContain('&a=');
  });

  it('drops the commute when there is no plan to compute it from', () => {
    expect(twinLink('https://showroom.example.cn', { vehicleId: 'vela-x7-standard', scenario: 'commute', answers: null })).toBe('https://showroom.example.cn/?twin=vela-x7-standard#/twin');
    expect(twinLink('https://showroom.example.cn', { vehicleId: 'vela-x7-standard', scenario: 'commute', answers: { region: 'harbin' } })).not.toContain('scenario=');
  });

  it('writes a paint colour with its # escaped', () => {
    expect(twinLink('https://showroom.example.cn', { vehicleId: 'vela-x7-standard', paint: '#A1B2C3' })).toBe('https://showroom.example.cn/?twin=vela-x7-standard&paint=%23a1b2c3#/twin');
  });

  it('reads back what it writes', () => {
    const link = twinLink('https://showroom.example.cn', { vehicleId: 'vela-s5-long-range', paint: 'glacier-white', view: 'exploded', scenario: 'commute', answers: PLAN });
    const url = new URL(link);
    expect(url.hash).toBe('#/twin');
    expect(parseTwinLink(url.search)).toEqual({ vehicleId: 'vela-s5-long-range', paint: { id: 'glacier-white' }, view: 'exploded', scenario: 'commute', answers: decodeAnswers(encodeAnswers(PLAN)) });
  });
});

describe('parseTwinLink: everything validated, nothing trusted', () => {
  const none = { vehicleId: null, paint: null, view: null, scenario: null, answers: null };

  it('gives nothing for a page without a link', () => {
    expect(parseTwinLink('')).toEqual(none);
    expect(parseTwinLink('?idle=90&share=https://x.example')).toEqual(none);
  });

  it('keeps the kiosk start-URL parameters it does not own out of it', () => {
    expect(parseTwinLink('?twin=vela-x7-standard&twinIdle=0')).toEqual({ ...none, vehicleId: 'vela-x7-standard' });
  });

  it.each([
    ['a path', '../secrets'],
    ['upper case', 'VELA'],
    ['a script', '<script>'],
    ['empty', ''],
    ['too long', 'a'.repeat(65)],
  ])('ignores a vehicle id that is %s', (_what, id) => {
    expect(parseTwinLink(`?twin=${encodeURIComponent(id)}`).vehicleId).toBeNull();
  });

  it('reads a paint id or a #rrggbb colour, and ignores anything else', () => {
    expect(parseTwinLink('?paint=deep-blue').paint).toEqual({ id: 'deep-blue' });
    expect(parseTwinLink('?paint=%231C3F7A').paint).toEqual({ hex: '#1c3f7a' });
    expect(parseTwinLink('?paint=%23abc').paint).toBeNull();
    expect(parseTwinLink('?paint=red;background:url(x)').paint).toBeNull();
    expect(parseTwinLink(`?paint=${'a'.repeat(65)}`).paint).toBeNull();
  });

  it('ignores an unknown view or scenario', () => {
    expect(parseTwinLink('?view=interior&scenario=moon-base')).toEqual(none);
    expect(parseTwinLink('?view=section&scenario=summer-city')).toMatchObject({ view: 'section', scenario: 'summer-city' });
  });

  it('drops the commute when its answers are missing, damaged or no plan', () => {
    expect(parseTwinLink('?scenario=commute')).toMatchObject({ scenario: null, answers: null });
    expect(parseTwinLink('?scenario=commute&a=%%%')).toMatchObject({ scenario: null, answers: null });
    expect(parseTwinLink(`?scenario=commute&a=${encodeAnswers({ region: 'harbin' })}`)).toMatchObject({ scenario: null, answers: null });
    expect(parseTwinLink(`?scenario=commute&a=${encodeAnswers(PLAN)}`)).toMatchObject({ scenario: 'commute', answers: PLAN });
  });

  it('ignores answers given with another scenario', () => {
    expect(parseTwinLink(`?scenario=summer-city&a=${encodeAnswers(PLAN)}`)).toMatchObject({ scenario: 'summer-city', answers: null });
  });
});

describe('paints between the link and the bundle', () => {
  it("resolves a paint id to the bundle's colour, and ignores an id the bundle lacks", () => {
    expect(resolvePaint({ id: 'deep-blue' }, PAINTS)).toBe('#1c3f7a');
    expect(resolvePaint({ id: 'no-such-paint' }, PAINTS)).toBeNull();
    expect(resolvePaint(null, PAINTS)).toBeNull();
  });

  it('takes a well-formed colour as it is', () => {
    expect(resolvePaint({ hex: '#a1b2c3' }, PAINTS)).toBe('#a1b2c3');
  });

  it("names the bundle's paint by id in a link, and another colour by its hex", () => {
    expect(paintParam('#1C3F7A', PAINTS)).toBe('deep-blue');
    expect(paintParam('#a1b2c3', PAINTS)).toBe('#a1b2c3');
    expect(paintParam(null, PAINTS)).toBeNull();
  });
});

describe('handoffOrigin: where a phone gets AR', () => {
  it("takes the start URL's ?share= when it is HTTPS", () => {
    expect(handoffOrigin('?share=https://sh-pudong-01.showroom.example.cn:8443/x', 'https://showroom.example.cn')).toBe('https://sh-pudong-01.showroom.example.cn:8443');
  });

  it("takes the server's PUBLIC_ORIGIN without ?share=", () => {
    expect(handoffOrigin('?idle=90', 'https://showroom.example.cn')).toBe('https://showroom.example.cn');
  });

  it('passes over a plain-HTTP ?share= to an HTTPS PUBLIC_ORIGIN', () => {
    expect(handoffOrigin('?share=http://192.168.1.20:8080', 'https://showroom.example.cn')).toBe('https://showroom.example.cn');
  });

  it('gives none when no address is HTTPS, or it is this machine', () => {
    expect(handoffOrigin('?share=http://192.168.1.20:8080', undefined)).toBeNull();
    expect(handoffOrigin('', 'http://192.168.1.20:8080')).toBeNull();
    expect(handoffOrigin('', null)).toBeNull();
    expect(handoffOrigin('?share=https://127.0.0.1:8443', 'https://localhost:8443')).toBeNull();
    expect(handoffOrigin('?share=not a url', undefined)).toBeNull();
  });
});
