import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
