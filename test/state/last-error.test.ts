import { describe, expect, it } from 'vitest';
import { HeartbeatSchema } from '../../src/leads/heartbeat-schema.ts';
import { describeThrown, scrubErrorText } from '../../src/state/last-error.ts';

describe('scrubErrorText', () => {
  it('keeps what a developer needs of an ordinary error', () => {
    expect(scrubErrorText("TypeError: Cannot read properties of undefined (reading 'position')")).toBe("TypeError: Cannot read properties of undefined (reading 'position')");
    expect(scrubErrorText('Error: WebGL context lost (attempt 3 of 3) in 0.1.0+8188c7a')).toBe('Error: WebGL context lost (attempt 3 of 3) in 0.1.0+8188c7a');
  });

  it('removes phone numbers however they are written, e-mail addresses and tokens', () => {
    for (const phone of ['13812345678', '+8613812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678']) {
      expect(scrubErrorText(`Error: bad phone ${phone} given`), phone).toBe('Error: bad phone # given');
    }
    expect(scrubErrorText('Error: to wang.xm@example.com.cn; retry')).toBe('Error: to …@…; retry');
    expect(scrubErrorText('Error: Bearer stw_rep_AbC-123_xyz= refused')).toBe('Error: Bearer stw_… refused');
  });

  it('removes queries and hash routes (a share link carries a plan and a token) and non-ASCII text (names, addresses)', () => {
    expect(scrubErrorText('Error: GET https://showroom.example.cn/api/leads?phone=138&name=x failed')).toBe('Error: GET https://showroom.example.cn/api/leads failed');
    expect(scrubErrorText('Error: no route #/plan?a=eyJ9&k=x')).toBe('Error: no route #/…');
    expect(scrubErrorText('Error: 姓名 王小明 住 上海市浦东新区 is too long')).toBe('Error: … … … … is too long');
  });

  it('gives one printable line of at most 200 characters, never an empty one', () => {
    expect(scrubErrorText('Error: first\nat secret (stack)')).toBe('Error: first');
    expect(scrubErrorText('Error: a\u0007b\u001b[2J')).toBe('Error: a…b…[2J');
    const long = scrubErrorText(`Error: ${'x'.repeat(5000)}`);
    expect(long).toHaveLength(200);
    expect(scrubErrorText('\n')).toBe('Error');
    const beat = { version: 'dev', screen: 'home', outbox: null, storage: null, serviceWorker: null };
    for (const message of [long, scrubErrorText('Error: a\u2028b\u0000c'), scrubErrorText('王小明')]) {
      expect(HeartbeatSchema.safeParse({ ...beat, lastError: { kind: 'error', message, at: '2026-05-01T02:00:00.000Z' } }).success, message).toBe(true);
    }
  });

  it('takes a time proportional to its input even for hostile text', () => {
    const started = performance.now();
    scrubErrorText(`Error: ${'1 '.repeat(100_000)}x ${'a@'.repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('describeThrown', () => {
  it('names errors, passes strings and says what else was thrown', () => {
    expect(describeThrown(new RangeError('too far'))).toBe('RangeError: too far');
    expect(describeThrown('plain')).toBe('plain');
    expect(describeThrown({ phone: '13812345678' })).toBe('non-error value (object)');
    expect(describeThrown(null)).toBe('non-error value (null)');
  });
});
