/** Reading leads: name search over every lead, date bounds at the China day boundary, the CSV export read back by a real CSV parser. */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encrypt, phoneHash } from '../../src/server/crypto.ts';
import { csvCell } from '../../src/server/lead-query.ts';
import { auth, BACKENDS, keys, lead, makeFixture, T0, type Fixture } from './helpers.ts';

describe('csvCell', () => {
  it('leaves phone numbers as they are and defuses every other cell a spreadsheet would evaluate', () => {
    expect(csvCell('+8613812345678')).toBe('"+8613812345678"');
    expect(csvCell('+442079460958')).toBe('"+442079460958"');
    for (const s of ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '+86 138', '+0123456789', '+12345', '+1234567890123456']) expect(csvCell(s)).toBe(`"'${s}"`);
    expect(csvCell('王小明')).toBe('"王小明"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('""');
  });
});

describe.each(BACKENDS)('CSV export (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  it('reads back field for field with a CSV parser: phones as plain E.164, formulas defused', async () => {
    const bodies = [
      lead({ contact: { name: '=HYPERLINK("http://evil","点我")', phone: '13812345678' } }),
      lead({
        contact: { name: '王小明', phone: '+86 139 0000 1111', email: 'wang.xm@example.com', preferredTime: '2026-05-03T14:00:00+08:00' },
        tags: { needs: ['family', 'long-commute'], behaviour: ['xray.viewed'], value: ['mid'] },
      }),
      lead({ contact: { name: 'Ann, "the" buyer\nline two', phone: '+44 20 7946 0958', email: 'ann@example.co.uk' } }),
      lead({ contact: { name: '@cmd', phone: '13700001111' } }),
    ];
    for (const [i, body] of bodies.entries()) {
      f.clock.ms = T0 + i * 60_000;
      expect((await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body })).statusCode).toBe(201);
    }
    f.clock.ms = T0 + 10 * 60_000;
    await f.app.inject({ method: 'POST', url: `/api/leads/${bodies[1]!.id}/contacted`, headers: auth(f.tokens.rep) });

    const res = await f.app.inject({ url: '/api/export/leads.csv', headers: auth(f.tokens.manager) });
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const at = (i: number) => new Date(T0 + i * 60_000).toISOString();
    const base = { store_id: 'store-a', email: '', preferred_time: '', tags: '', interactions: '1', first_contact_at: '' };
    expect(rows).toEqual([
      { ...base, id: bodies[0]!.id, created_at: at(0), name: `'=HYPERLINK("http://evil","点我")`, phone: '+8613812345678' },
      {
        ...base, id: bodies[1]!.id, created_at: at(1), name: '王小明', phone: '+8613900001111', email: 'wang.xm@example.com', preferred_time: '2026-05-03T14:00:00+08:00',
        tags: 'family long-commute xray.viewed mid', first_contact_at: at(10),
      },
      { ...base, id: bodies[2]!.id, created_at: at(2), name: 'Ann, "the" buyer\nline two', phone: '+442079460958', email: 'ann@example.co.uk' },
      { ...base, id: bodies[3]!.id, created_at: at(3), name: `'@cmd`, phone: '+8613700001111' },
    ]);
  });
});

describe.each(BACKENDS)('date bounds (%s)', (backend) => {
  let f: Fixture;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    f = await makeFixture(backend);
    // Either side of both CST (UTC+8) day boundaries of May 2026.
    for (const at of ['2026-04-30T23:59:59.999+08:00', '2026-05-01T00:00:00.000+08:00', '2026-05-31T23:59:59.999+08:00', '2026-06-01T00:00:00.000+08:00']) {
      f.clock.ms = Date.parse(at);
      const body = lead({}, `1390000${String(Object.keys(ids).length).padStart(4, '0')}`);
      expect((await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body })).statusCode).toBe(201);
      ids[at.slice(0, 10)] = body.id;
    }
  });
  afterAll(() => f.close());

  const list = async (query: string) => {
    const res = await f.app.inject({ url: `/api/leads?${query}`, headers: auth(f.tokens.manager) });
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; leads: { id: string }[] };
  };

  it('takes a date `to` as the whole CST day, as the funnel does, in the list and the CSV export', async () => {
    const may = await list('from=2026-05-01&to=2026-05-31');
    expect(may.total).toBe(2);
    expect(may.leads.map((l) => l.id).sort()).toEqual([ids['2026-05-01'], ids['2026-05-31']].sort());
    expect((await list('from=2026-05-31&to=2026-05-31')).leads.map((l) => l.id)).toEqual([ids['2026-05-31']]);
    const csv = await f.app.inject({ url: '/api/export/leads.csv?from=2026-05-01&to=2026-05-31', headers: auth(f.tokens.manager) });
    expect((parse(csv.body, { bom: true, columns: true }) as { id: string }[]).map((r) => r.id).sort()).toEqual(may.leads.map((l) => l.id).sort());
    const funnel = await f.app.inject({ url: '/api/funnel?from=2026-05-01&to=2026-05-31', headers: auth(f.tokens.manager) });
    expect(funnel.json().total.lead_submitted).toBe(may.total);
  });

  it('takes an instant `to` as exclusive and an instant `from` as inclusive', async () => {
    const r = await list(`from=${encodeURIComponent('2026-05-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-06-01T00:00:00+08:00')}`);
    expect(r.leads.map((l) => l.id).sort()).toEqual([ids['2026-05-01'], ids['2026-05-31']].sort());
    expect((await list(`to=${encodeURIComponent('2026-05-31T15:59:59.999Z')}`)).total).toBe(2);
  });
});

describe.each(BACKENDS)('name search (%s)', (backend) => {
  let f: Fixture;
  const needles: string[] = [];
  beforeAll(async () => {
    f = await makeFixture(backend);
    // 6,000 leads in groups of 7 sharing a creation time (ties across the 2,000-row chunk boundaries), 12 of them
    // named "Needle", spread from the newest to the oldest (two beyond the newest 5,000).
    const rows: unknown[][] = [];
    for (let i = 0; i < 6000; i++) {
      const id = crypto.randomUUID();
      const name = i % 500 === 499 ? `Needle ${i}` : `Filler ${i}`;
      if (name.startsWith('Needle')) needles.push(id);
      const phone = `+86137${String(i).padStart(8, '0')}`;
      const at = T0 - Math.floor(i / 7) * 1000;
      rows.push([id, 'store-a', phoneHash(keys, phone), encrypt(keys, JSON.stringify({ name, phone })), '{}', '||', at, at]);
    }
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await f.db.transaction((tx) =>
        tx.run(`INSERT INTO leads (id, store_id, phone_hash, contact_enc, tags_json, tag_list, created_at, last_interaction_at, interactions) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, 1)').join(', ')}`, chunk.flat()),
      );
    }
  });
  afterAll(() => f.close());

  const search = async (query: string) => {
    const res = await f.app.inject({ url: `/api/leads?${query}`, headers: auth(f.tokens.manager) });
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; leads: { id: string; name: string }[] };
  };

  it('counts every match however old, and pages through them without gaps or repeats', async () => {
    const all = await search('q=needle&limit=200');
    expect(all.total).toBe(12);
    expect(all.leads.map((l) => l.id).sort()).toEqual([...needles].sort());
    const walked: string[] = [];
    for (let offset = 0; offset < 12; offset += 5) {
      const page = await search(`q=NEEDLE&limit=5&offset=${offset}`);
      expect(page.total).toBe(12);
      walked.push(...page.leads.map((l) => l.id));
    }
    expect(walked).toEqual(all.leads.map((l) => l.id));
    expect((await search('q=needle&offset=12')).leads).toEqual([]);
  });

  it('applies the other filters to the search', async () => {
    const from = new Date(T0 - 100_000).toISOString(); // the newest 707 leads
    expect((await search(`q=needle&from=${encodeURIComponent(from)}`)).total).toBe(1);
    expect((await search('q=needle&store=store-b')).total).toBe(0);
    expect((await search('q=Filler%2010&limit=200')).total).toBe(111); // "Filler 10", "Filler 100".."109", "Filler 1000".."1099"
  });
});
