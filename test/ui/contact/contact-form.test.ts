import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { consentNotice } from '../../../src/leads/consent-notice.ts';
import { LeadSchema } from '../../../src/leads/lead-schema.ts';
import { openLeadOutbox } from '../../../src/leads/outbox.ts';
import { EMPTY_FORM, leadFromForm, testDriveSlots, toOffsetIso } from '../../../src/ui/contact/contact-form.ts';

const notice = consentNotice('zh-CN', { dealerName: '维拉体验中心', makerName: '维拉汽车', retentionDays: 365 });
const NOW = new Date('2026-11-27T01:30:00Z');
const filled = { ...EMPTY_FORM, name: '王女士', phone: '+86 138 0013 8000', consentContact: true };

describe('contact form', () => {
  it('refuses to submit without the contact consent and names every field to fix', () => {
    const r = leadFromForm({ ...EMPTY_FORM, phone: '12345', email: 'not-an-email' }, notice, null, NOW);
    expect(r).toEqual({ ok: false, problems: expect.arrayContaining(['name', 'phone', 'email', 'consent']) });
  });

  it('rejects a 13-digit IoT number as a mobile number', () => {
    const r = leadFromForm({ ...filled, phone: '1440123456789' }, notice, null, NOW);
    expect(r).toEqual({ ok: false, problems: ['phone'] });
  });

  it('builds a lead the server schema accepts, with consent version, time and separate choices', () => {
    const r = leadFromForm({ ...filled, marketing: true, slot: testDriveSlots(NOW)[0]! }, notice, null, NOW);
    if (!r.ok) throw new Error(r.problems.join());
    const lead = LeadSchema.parse({ ...r.lead, id: '4b4f7a4e-6a2b-4c1a-9f0e-2d7b1b2a3c4d' });
    expect(lead.contact.phone).toBe('+8613800138000');
    expect(lead.consent).toMatchObject({ contact: true, textVersion: notice.textVersion, givenAt: toOffsetIso(NOW), marketing: true, tagMarketing: false, shareWithMaker: false });
    expect(lead.contact.preferredTime).toBe('2026-11-28T10:00:00+08:00');
  });

  it('offers test-drive slots from tomorrow in showroom time', () => {
    const slots = testDriveSlots(new Date('2026-11-27T17:00:00Z'), 1); // 01:00 on the 28th in Beijing
    expect(slots).toEqual(['2026-11-29T10:00:00+08:00', '2026-11-29T14:00:00+08:00', '2026-11-29T17:00:00+08:00']);
  });

  it('goes into the outbox before any network and stays there while sending fails', async () => {
    const r = leadFromForm(filled, notice, null, NOW);
    if (!r.ok) throw new Error('form invalid');
    const box = await openLeadOutbox({
      send: async () => ({ kind: 'retry', status: null, reason: 'offline' }),
      now: () => NOW.getTime(),
      random: () => 0.5,
      newId: () => '9a0f1e2d-3c4b-4a59-8e7d-6c5b4a392817',
      dbName: 'contact-form-test',
    });
    const id = await box.enqueue(r.lead as Parameters<typeof box.enqueue>[0]);
    await box.syncNow();
    const s = await box.status();
    expect(s.entries.find((e) => e.id === id)?.state).toBe('pending');
    box.close();
  });
});
