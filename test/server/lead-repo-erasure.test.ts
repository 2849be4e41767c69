/**
 * Erasure reaches everywhere: concurrent merges and erasures of one phone leave no orphan and no
 * half-erased lead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, BACKENDS, lead, makeFixture, nextPhone, type Fixture } from './helpers.ts';

describe.each(BACKENDS)('erasure racing merges (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await f.db.transaction((tx) => tx.get<{ n: number }>(sql, params)))?.n);

  it('leaves no interaction without its lead, no half-erased lead, and every stored lead that was not erased complete', async () => {
    const phone = nextPhone();
    const stored: { id: string; interactionId: string }[] = [];
    const statuses: number[] = [];
    for (let round = 0; round < 12; round++) {
      const merges = Array.from({ length: 24 }, async () => {
        const res = await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: lead({}, phone) });
        statuses.push(res.statusCode);
        if (res.statusCode === 200 || res.statusCode === 201) stored.push(res.json());
      });
      const erasures = Array.from({ length: 4 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * 3));
        const res = await f.app.inject({ method: 'POST', url: '/api/erasure', headers: auth(f.tokens.manager), payload: { phone } });
        statuses.push(res.statusCode);
      });
      await Promise.all([...merges, ...erasures]);
    }
    expect(statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(stored.length).toBe(12 * 24);

    expect(await count('SELECT COUNT(*) AS n FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = i.lead_id)')).toBe(0);
    // Half-erased: a lead whose counter disagrees with its interactions, or whose consents are marked erased.
    expect(await count('SELECT COUNT(*) AS n FROM leads l WHERE l.interactions <> (SELECT COUNT(*) FROM interactions i WHERE i.lead_id = l.id)')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM consents c WHERE c.lead_erased_at IS NOT NULL AND EXISTS (SELECT 1 FROM leads l WHERE l.id = c.lead_id)')).toBe(0);
    // Consent records of an erased lead are all marked (else no purge would ever delete them).
    expect(await count('SELECT COUNT(*) AS n FROM consents c WHERE c.lead_erased_at IS NULL AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = c.lead_id)')).toBe(0);
    let kept = 0;
    for (const r of stored) {
      const leadRow = await count('SELECT COUNT(*) AS n FROM leads WHERE id = ?', [r.id]);
      const interaction = await count('SELECT COUNT(*) AS n FROM interactions WHERE id = ? AND lead_id = ?', [r.interactionId, r.id]);
      const consents = await count('SELECT COUNT(*) AS n FROM consents WHERE interaction_id = ? AND lead_id = ? AND lead_erased_at IS NULL', [r.interactionId, r.id]);
      if (leadRow === 1) {
        kept++;
        expect({ interaction, consents }).toEqual({ interaction: 1, consents: 5 });
      } else {
        expect({ interaction, consents }).toEqual({ interaction: 0, consents: 0 });
      }
    }
    expect(kept).toBeLessThan(stored.length); // the erasures did erase
  });
});
