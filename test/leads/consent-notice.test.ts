import { describe, expect, it } from 'vitest';
import { consentNotice } from '../../src/leads/consent-notice.ts';
import { LeadSchema } from '../../src/leads/lead-schema.ts';

const params = { dealerName: '星辰汽车浦东店', makerName: 'Vela', retentionDays: 365 };

describe('consentNotice', () => {
  it.each(['zh-CN', 'en'] as const)('states purpose, categories and retention in %s, with a version the lead accepts', (locale) => {
    const n = consentNotice(locale, params);
    expect(n.textVersion).toBe(`2026-12/${locale}`);
    expect(n.body.join(' ')).toContain('365');
    expect(n.crossBorderCrm).toBeNull();
    const lead = { id: crypto.randomUUID(), contact: { name: 'a', phone: '13812345678' }, consent: { contact: true, textVersion: n.textVersion } };
    expect(LeadSchema.safeParse(lead).success).toBe(true);
  });

  it('asks for cross-border consent only when the CRM is outside mainland China', () => {
    expect(consentNotice('en', { ...params, crmLocation: 'Singapore' }).crossBorderCrm).toContain('Singapore');
  });
});
