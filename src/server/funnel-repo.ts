/**
 * The funnel per day and store: kiosk sessions, questionnaires completed, plans viewed, leads, test
 * drives booked, conversions and speed-to-lead. Days are China Standard Time (UTC+8, no DST).
 */
import { cstDay, cstDayStartMs } from '../leads/cst-day.ts';
import { FUNNEL_STEPS, type FunnelEvent, type FunnelStep } from '../leads/event-schema.ts';
import type { Funnel, FunnelTotals } from '../leads/api-schema.ts';
import type { Tx } from './db.ts';

const DAY_MS = 24 * 3600_000;
/** How far ahead of the server's clock an event may be (a kiosk clock a little fast). */
export const EVENT_FUTURE_SKEW_MS = 5 * 60_000;

/**
 * The first event of a batch whose `at` lies outside [now − retentionDays, now + 5 min], with why,
 * or null. Such an event would count on a day that has not come, or one whose leads are already
 * purged; the whole batch is refused so the kiosk can drop the named one and resend the rest.
 */
export function firstEventOutOfTime(events: readonly FunnelEvent[], nowMs: number, retentionDays: number): { index: number; reason: string } | null {
  for (const [index, e] of events.entries()) {
    const atMs = Date.parse(e.at);
    if (atMs > nowMs + EVENT_FUTURE_SKEW_MS) return { index, reason: 'more than 5 minutes in the future (check the kiosk clock)' };
    if (atMs < nowMs - retentionDays * DAY_MS) return { index, reason: `older than the retention window (${retentionDays} days)` };
  }
  return null;
}

/** Stores anonymous funnel events; duplicates (same event id) are ignored. Returns how many were new. */
export async function recordFunnelEvents(tx: Tx, storeId: string, events: FunnelEvent[], nowMs: number): Promise<number> {
  let added = 0;
  for (const e of events) {
    added += await tx.run('INSERT INTO funnel_events (id, session_id, store_id, type, day, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', [
      e.id, e.sessionId, storeId, e.type, cstDay(Date.parse(e.at)), e.at, nowMs,
    ]);
  }
  return added;
}

/**
 * Records a test drive a rep booked for a lead (after the kiosk visit), counted in the funnel on the
 * booking day; the lead id stands in for the kiosk session, so one lead counts once per day.
 */
export async function recordTestDrive(tx: Tx, leadId: string, storeId: string | null, eventId: string, nowMs: number): Promise<boolean> {
  const lead = await tx.get<{ store_id: string }>('SELECT store_id FROM leads WHERE id = ?', [leadId]);
  if (!lead || (storeId !== null && lead.store_id !== storeId)) return false;
  await tx.run("INSERT INTO funnel_events (id, session_id, store_id, type, day, at, received_at) VALUES (?, ?, ?, 'test_drive_booked', ?, ?, ?) ON CONFLICT (id) DO NOTHING", [
    eventId, leadId, lead.store_id, cstDay(nowMs), new Date(nowMs).toISOString(), nowMs,
  ]);
  return true;
}

type Counts = Record<FunnelStep, number>;

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

/** Counts and first-contact delays of one group (a day and store, a store, or everything). */
class Group {
  readonly counts = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as Counts;
  /** Leads stored, which the funnel counts even when the kiosk's own event was lost. */
  leads = 0;
  readonly delaysMin: number[] = [];

  add(other: Group): void {
    for (const s of FUNNEL_STEPS) this.counts[s] += other.counts[s];
    this.leads += other.leads;
    this.delaysMin.push(...other.delaysMin);
  }

  /** Steps, conversions and speed-to-lead; `lead_submitted` is never below the leads stored. */
  result(): Omit<FunnelTotals, 'storeId'> {
    const c = { ...this.counts, lead_submitted: Math.max(this.counts.lead_submitted, this.leads) };
    const sorted = [...this.delaysMin].sort((a, b) => a - b);
    const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : null;
    return {
      ...c,
      conversion: {
        questionnaire: ratio(c.questionnaire_completed, c.session_started),
        plan: ratio(c.plan_viewed, c.questionnaire_completed),
        lead: ratio(c.lead_submitted, c.plan_viewed),
        testDrive: ratio(c.test_drive_booked, c.lead_submitted),
        overall: ratio(c.lead_submitted, c.session_started),
      },
      speedToLeadMinutesMedian: median === null ? null : Math.round(median * 10) / 10,
      contactedLeads: sorted.length,
    };
  }
}

/**
 * The funnel for CST days in [fromDay, toDay], one store or all (storeId null): a row per day and
 * store, totals per store and over everything. Totals are computed from the events and leads, not
 * from the rows, so the speed-to-lead median is exact.
 */
export async function funnel(tx: Tx, fromDay: string, toDay: string, storeId: string | null): Promise<Omit<Funnel, 'from' | 'to'>> {
  const storeSql = storeId === null ? '' : ' AND store_id = ?';
  const storeParam = storeId === null ? [] : [storeId];
  const steps = await tx.all<{ day: string; store_id: string; type: string; n: number }>(
    `SELECT day, store_id, type, COUNT(DISTINCT session_id) AS n FROM funnel_events WHERE day >= ? AND day <= ?${storeSql} GROUP BY day, store_id, type`,
    [fromDay, toDay, ...storeParam],
  );
  const fromMs = cstDayStartMs(fromDay);
  const toMs = cstDayStartMs(toDay) + DAY_MS;
  const leads = await tx.all<{ store_id: string; created_at: number; first_contact_at: number | null }>(
    `SELECT store_id, created_at, first_contact_at FROM leads WHERE created_at >= ? AND created_at < ?${storeSql}`,
    [fromMs, toMs, ...storeParam],
  );
  const cells = new Map<string, { day: string; storeId: string; group: Group }>();
  const cell = (day: string, store: string) => {
    const key = `${day}|${store}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { day, storeId: store, group: new Group() }));
    return c.group;
  };
  for (const s of steps) if ((FUNNEL_STEPS as readonly string[]).includes(s.type)) cell(s.day, s.store_id).counts[s.type as FunnelStep] = Number(s.n);
  for (const l of leads) {
    const g = cell(cstDay(Number(l.created_at)), l.store_id);
    g.leads++;
    if (l.first_contact_at !== null) g.delaysMin.push((Number(l.first_contact_at) - Number(l.created_at)) / 60_000);
  }
  const ordered = [...cells.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, c]) => c);
  const byStore = new Map<string, Group>();
  const total = new Group();
  for (const c of ordered) {
    let g = byStore.get(c.storeId);
    if (!g) byStore.set(c.storeId, (g = new Group()));
    g.add(c.group);
    total.add(c.group);
  }
  return {
    days: ordered.map((c) => ({ day: c.day, storeId: c.storeId, ...c.group.result() })),
    stores: [...byStore.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, g]) => ({ storeId: id, ...g.result() })),
    total: { storeId: storeId, ...total.result() },
  };
}
