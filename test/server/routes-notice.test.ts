import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, noticeSettings } from '../../src/server/config.ts';
import { auth, BACKENDS, makeFixture, type Fixture } from './helpers.ts';

describe.each(BACKENDS)('GET /api/consent-notice (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    const config = loadConfig({ RETENTION_DAYS: '90', CRM_OUTSIDE_MAINLAND: '1', CRM_LOCATION: '新加坡（HubSpot, Inc.）', CRM_LOCATION_EN: 'Singapore (HubSpot, Inc.)', DEALER_NAME: '星辰汽车浦东店' });
    f = await makeFixture(backend, { retentionDays: config.RETENTION_DAYS, notice: noticeSettings(config) });
  });
  afterAll(() => f.close());

  it('gives a kiosk the facts its notice must state: the server’s retention days, the names, the CRM abroad', async () => {
    const res = await f.app.inject({ url: '/api/consent-notice', headers: auth(f.tokens.kioskB) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      storeId: 'store-b',
      retentionDays: 90,
      dealerName: { 'zh-CN': '星辰汽车浦东店', en: 'Vela authorised experience centre' },
      makerName: { 'zh-CN': '维拉汽车', en: 'Vela Automobile' },
      crmLocation: { 'zh-CN': '新加坡（HubSpot, Inc.）', en: 'Singapore (HubSpot, Inc.)' },
    });
  });

  it('answers a share-link token too (a customer’s phone shows the notice of the store it sends to)', async () => {
    const share = (await f.app.inject({ method: 'POST', url: '/api/share-tokens', headers: auth(f.tokens.kiosk) })).json() as { token: string };
    const res = await f.app.inject({ url: '/api/consent-notice', headers: auth(share.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ storeId: 'store-a', retentionDays: 90 });
  });

  it('is for kiosks: no token is 401, a rep token 403', async () => {
    expect((await f.app.inject({ url: '/api/consent-notice' })).statusCode).toBe(401);
    expect((await f.app.inject({ url: '/api/consent-notice', headers: auth(f.tokens.rep) })).statusCode).toBe(403);
  });
});

describe('notice settings from the environment', () => {
  it('asks no cross-border consent for a CRM in mainland China', () => {
    expect(noticeSettings(loadConfig({})).crmLocation).toBeNull();
    expect(noticeSettings(loadConfig({ CRM_LOCATION: 'Singapore' })).crmLocation).toBeNull();
  });

  it('refuses CRM_OUTSIDE_MAINLAND=1 without CRM_LOCATION, which the customer must be told', () => {
    expect(() => loadConfig({ CRM_OUTSIDE_MAINLAND: '1' })).toThrow(/CRM_LOCATION/);
  });
});
