import { describe, expect, it } from 'vitest';
import { issuePath, LeadSchema } from '../../src/leads/lead-schema.ts';
import { FunnelEventBatchSchema } from '../../src/leads/event-schema.ts';

const ID = '3f1c9a2e-8b7d-4c6e-9f10-2a3b4c5d6e7f';
const smallest = { id: ID, contact: { name: '王小明', phone: '138 1234 5678' }, consent: { contact: true, textVersion: 'zh-CN-1' } };

describe('LeadSchema', () => {
  it('accepts the smallest lead and normalises the phone to E.164', () => {
    const lead = LeadSchema.parse(smallest);
    expect(lead.contact.phone).toBe('+8613812345678');
  });

  it('lower-cases the id so it works as an idempotency key', () => {
    expect(LeadSchema.parse({ ...smallest, id: ID.toUpperCase() }).id).toBe(ID);
  });

  it('accepts a full lead', () => {
    const full = {
      ...smallest,
      storeId: 'sh-pudong-01',
      capturedAt: '2026-05-01T10:00:00+08:00',
      contact: { ...smallest.contact, email: 'a@example.com', preferredTime: '2026-05-03T14:00:00+08:00' },
      consent: { contact: true, textVersion: 'zh-CN-1', givenAt: '2026-05-01T09:59:00+08:00', marketing: false, tagMarketing: false, shareWithMaker: true, crossBorderCrm: false },
      answers: { commuteKm: 42, charging: 'home', seats: [5, 7] },
      plan: { vehicleId: 'vela-s5', trim: 'long-range', monthlyCostCny: 2100 },
      tags: { needs: ['family', 'long-commute'], behaviour: ['xray.viewed'], value: ['high'] },
      events: [{ type: 'plan.viewed', at: '2026-05-01T09:58:00+08:00', data: { seconds: 40 } }],
    };
    expect(LeadSchema.safeParse(full).success).toBe(true);
  });

  it.each([
    [{ ...smallest, consent: { contact: false, textVersion: 'v1' } }, 'consent.contact'],
    [{ ...smallest, consent: { contact: true } }, 'consent.textVersion'],
    [{ ...smallest, contact: { name: 'x', phone: '1440123456789' } }, 'contact.phone'],
    [{ ...smallest, contact: { name: '   ', phone: '13812345678' } }, 'contact.name'],
    [{ ...smallest, id: 'not-a-uuid' }, 'id'],
    [{ ...smallest, tags: { needs: ['Family of 3, son Tom age 4'] } }, 'tags.needs.0'],
    [{ ...smallest, extra: 1 }, '(body)'],
    [{ ...smallest, storeId: '../etc' }, 'storeId'],
  ])('rejects a malformed lead naming the field (%#)', (body, field) => {
    const result = LeadSchema.safeParse(body);
    expect(result.success).toBe(false);
    if (!result.success) expect(issuePath(result.error)).toBe(field);
  });
});

describe('FunnelEventBatchSchema', () => {
  it('accepts known steps only', () => {
    const ev = { id: ID, sessionId: ID, type: 'plan_viewed', at: '2026-05-01T10:00:00Z' };
    expect(FunnelEventBatchSchema.safeParse({ events: [ev] }).success).toBe(true);
    expect(FunnelEventBatchSchema.safeParse({ events: [{ ...ev, type: 'hacked' }] }).success).toBe(false);
  });
});
