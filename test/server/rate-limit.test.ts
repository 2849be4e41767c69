import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { RateLimiter } from '../../src/server/rate-limit.ts';
import { auth, BACKENDS, makeFixture, type Fixture } from './helpers.ts';

describe('RateLimiter', () => {
  it('limits each key per minute window and resets after it', () => {
    const clock = { ms: 120_000 };
    const rl = new RateLimiter(2, () => clock.ms);
    expect(rl.hit(['a']).limited).toBe(false);
    expect(rl.hit(['a']).limited).toBe(false);
    expect(rl.hit(['a'])).toEqual({ limited: true, retryAfterS: 60 });
    expect(rl.hit(['b']).limited).toBe(false);
    clock.ms += 60_000;
    expect(rl.hit(['a']).limited).toBe(false);
  });
});

describe.each(BACKENDS)('rate limiting on /api, per token and per address (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend, { rateLimitPerMinute: 3 });
  });
  afterAll(() => f.close());

  it('answers 429 with retry-after past the limit per address, and recovers next minute', async () => {
    const from = (ip: string) => f.app.inject({ url: '/api/health', remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await from('10.0.0.1')).statusCode).toBe(200);
    const limited = await from('10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('10.0.0.2')).statusCode).toBe(200);
    f.clock.ms += 60_000;
    expect((await from('10.0.0.1')).statusCode).toBe(200);
  });

  it('counts a token across addresses', async () => {
    f.clock.ms += 60_000;
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await f.app.inject({ url: '/api/me', headers: auth(f.tokens.rep), remoteAddress: `10.1.0.${i}` })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('does not limit the kiosk’s static files', async () => {
    f.clock.ms += 60_000;
    for (let i = 0; i < 5; i++) expect((await f.app.inject({ url: '/nothing-here', remoteAddress: '10.2.0.1' })).statusCode).toBe(404);
  });
});

describe.each(BACKENDS)('rate limits behind a trusted proxy (TRUST_PROXY list) (%s)', (backend) => {
  const PROXY = '10.0.0.5';
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend, { rateLimitPerMinute: 3, trustProxy: loadConfig({ TRUST_PROXY: `${PROXY},fd00::/8` }).TRUST_PROXY });
  });
  afterAll(() => f.close());

  const via = (xff: string, remoteAddress = PROXY, url = '/api/health') => f.app.inject({ url, remoteAddress, headers: { 'x-forwarded-for': xff } });

  it('counts the real client the proxy saw, whatever first entries the client forged', async () => {
    f.clock.ms += 60_000;
    // The proxy appends the address it saw (203.0.113.7); the client wrote everything before it.
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await via(`198.51.100.${i}, 192.0.2.${i}, 203.0.113.7`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429, 429]);
    expect((await via('203.0.113.8')).statusCode).toBe(200); // another real client has its own count
  });

  it('also through an IPv6 proxy in a trusted range', async () => {
    f.clock.ms += 60_000;
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await via(`2001:db8::${i}, 203.0.113.9`, 'fd00::7')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    f.clock.ms += 60_000;
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await via(`198.51.100.${i}`, '203.0.113.50')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});

describe.each(BACKENDS)('pairing limit behind a trusted proxy (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend, { trustProxy: loadConfig({ TRUST_PROXY: '10.0.0.5' }).TRUST_PROXY }); // /api limit out of the way
  });
  afterAll(() => f.close());

  const pair = (remoteAddress: string, xff: string) => f.app.inject({ method: 'POST', url: '/api/pair', remoteAddress, headers: { 'x-forwarded-for': xff }, payload: { code: 'AAAAAAAA' } });

  it('counts pairing attempts per real client, whatever first entries it forged', async () => {
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push((await pair('10.0.0.5', `198.51.100.${i}, 203.0.113.60`)).statusCode);
    expect(codes).toEqual([...Array(10).fill(404), 429, 429]);
    expect((await pair('10.0.0.5', '203.0.113.61')).statusCode).toBe(404); // another real client
  });

  it('ignores a direct client’s X-Forwarded-For', async () => {
    f.clock.ms += 60_000;
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await pair('203.0.113.70', `198.51.100.${i}`)).statusCode);
    expect(codes.slice(-1)).toEqual([429]);
  });
});
