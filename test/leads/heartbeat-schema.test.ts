import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HeartbeatSchema, KioskListSchema } from '../../src/leads/heartbeat-schema.ts';

describe('docs/deploy.md, "Heartbeat and watchdog"', () => {
  const doc = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');

  it('gives an answer of GET /api/kiosks that the schema reads, whose quiet flags follow its threshold', () => {
    const example = /### `GET \/api\/kiosks`[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    const parsed = KioskListSchema.parse(JSON.parse(example!));
    expect(parsed.kiosks.map((k) => k.quiet)).toEqual(parsed.kiosks.map((k) => k.secondsSince > parsed.quietAfterS));
    for (const k of parsed.kiosks) {
      const { id: _id, storeId: _s, label: _l, lastSeenAt: _at, secondsSince: _n, quiet: _q, ...reported } = k;
      expect(HeartbeatSchema.safeParse(reported).error).toBeUndefined();
    }
  });

  it('names every field a kiosk reports', () => {
    for (const field of Object.keys(HeartbeatSchema.shape)) expect(doc, field).toContain(`| \`${field}\` |`);
  });
});
