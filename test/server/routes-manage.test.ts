import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, BACKENDS, lead, makeFixture, nextPhone, T0, type Fixture } from './helpers.ts';

describe.each(BACKENDS)('funnel (%s)', (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await makeFixture(backend);
  });
  afterAll(() => f.close());

  it('counts steps per CST day and store, conversions and speed-to-lead', async () => {
    const at = '2026-05-01T10:00:00+08:00';
    const sessions = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const events = sessions.flatMap((s, i) =>
      (['session_started', 'questionnaire_completed', 'plan_viewed', 'lead_submitted'] as const).slice(0, 4 - i).map((type) => ({ id: randomUUID(), sessionId: s, type, at })),
    );
    expect((await f.app.inject({ method: 'POST', url: '/api/events', headers: auth(f.tokens.kiosk), payload: { events } })).statusCode).toBe(202);
    const body = lead({}, nextPhone());
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body });
    f.clock.ms += 12 * 60_000;
    expect((await f.app.inject({ method: 'POST', url: `/api/leads/${body.id}/contacted`, headers: auth(f.tokens.rep) })).statusCode).toBe(204);
    f.clock.ms += 60 * 60_000;
    await f.app.inject({ method: 'POST', url: `/api/leads/${body.id}/contacted`, headers: auth(f.tokens.rep) }); // first contact counts
    expect((await f.app.inject({ method: 'POST', url: `/api/leads/${body.id}/test-drive`, headers: auth(f.tokens.rep) })).statusCode).toBe(204);
    expect((await f.app.inject({ method: 'POST', url: `/api/leads/${body.id}/test-drive`, headers: auth(f.tokens.repB) })).statusCode).toBe(404);
    const res = await f.app.inject({ url: '/api/funnel?from=2026-05-01&to=2026-05-01', headers: auth(f.tokens.rep) });
    expect(res.statusCode).toBe(200);
    const [row] = res.json().days;
    expect(row).toMatchObject({
      day: '2026-05-01', storeId: 'store-a', session_started: 4, questionnaire_completed: 3, plan_viewed: 2, lead_submitted: 1, test_drive_booked: 1,
      conversion: { questionnaire: 0.75, plan: 0.667, lead: 0.5, testDrive: 1, overall: 0.25 }, speedToLeadMinutesMedian: 12,
    });
    expect(new Date(T0).toISOString()).toBe('2026-05-01T02:00:00.000Z');
  });

  it('totals per store and overall over the range, with an exact speed-to-lead median', async () => {
    // Day 2 in store-a: two more leads, contacted after 30 and 50 minutes; store-b: one lead, never contacted.
    f.clock.ms = T0 + 24 * 3600_000;
    const day2 = [lead({}, nextPhone()), lead({}, nextPhone())];
    for (const body of day2) await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kiosk), payload: body });
    await f.app.inject({ method: 'POST', url: '/api/leads', headers: auth(f.tokens.kioskB), payload: lead({}, nextPhone()) });
    const start = f.clock.ms;
    f.clock.ms = start + 30 * 60_000;
    await f.app.inject({ method: 'POST', url: `/api/leads/${day2[0]!.id}/contacted`, headers: auth(f.tokens.rep) });
    f.clock.ms = start + 50 * 60_000;
    await f.app.inject({ method: 'POST', url: `/api/leads/${day2[1]!.id}/contacted`, headers: auth(f.tokens.rep) });

    const all = (await f.app.inject({ url: '/api/funnel?from=2026-05-01&to=2026-05-02', headers: auth(f.tokens.manager) })).json();
    expect(all.days.map((d: { day: string; storeId: string }) => `${d.day} ${d.storeId}`)).toEqual(['2026-05-01 store-a', '2026-05-02 store-a', '2026-05-02 store-b']);
    const [a, b] = all.stores;
    expect(a).toMatchObject({ storeId: 'store-a', session_started: 4, lead_submitted: 3, test_drive_booked: 1, contactedLeads: 3, speedToLeadMinutesMedian: 30, conversion: { overall: 0.75 } });
    expect(b).toMatchObject({ storeId: 'store-b', session_started: 0, lead_submitted: 1, contactedLeads: 0, speedToLeadMinutesMedian: null, conversion: { overall: null } });
    // Medians of medians would say 21 (12 and 30); the exact median of 12, 30, 50 is 30.
    expect(all.total).toMatchObject({ storeId: null, session_started: 4, lead_submitted: 4, contactedLeads: 3, speedToLeadMinutesMedian: 30 });

    const rep = (await f.app.inject({ url: '/api/funnel?from=2026-05-01&to=2026-05-02', headers: auth(f.tokens.rep) })).json();
    expect(rep.stores.map((s: { storeId: string }) => s.storeId)).toEqual(['store-a']);
    expect(rep.total).toMatchObject({ storeId: 'store-a', lead_submitted: 3 });
  });

  it('keeps a rep to their own store and checks the range', async () => {
    expect((await f.app.inject({ url: '/api/funnel?store=store-b', headers: auth(f.tokens.rep) })).statusCode).toBe(403);
    const bad = await f.app.inject({ url: '/api/funnel?from=2026-05-02&to=2026-05-01', headers: auth(f.tokens.manager) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('from');
  });
});
