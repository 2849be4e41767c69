/**
 * The contact form's state to a lead draft: validated with the shared lead schemas, so the kiosk
 * shows the same problem the server would answer with, in the customer's language.
 */
import { ContactSchema } from '../../leads/lead-schema.ts';
import type { ConsentNotice } from '../../leads/consent-notice.ts';
import type { LeadDraft } from '../../state/lead-draft.ts';

export interface ContactFormState {
  name: string;
  phone: string;
  email: string;
  /** Preferred test-drive slot as an instant with offset, or '' for none. */
  slot: string;
  consentContact: boolean;
  marketing: boolean;
  tagMarketing: boolean;
  shareWithMaker: boolean;
  crossBorderCrm: boolean;
}

export const EMPTY_FORM: ContactFormState = {
  name: '',
  phone: '',
  email: '',
  slot: '',
  consentContact: false,
  marketing: false,
  tagMarketing: false,
  shareWithMaker: false,
  crossBorderCrm: false,
};

export type FormProblem = 'name' | 'phone' | 'email' | 'consent';

/** The lead to enqueue, or the fields the customer must fix. */
export function leadFromForm(
  form: ContactFormState,
  notice: ConsentNotice,
  draft: LeadDraft | null,
  now: Date,
): { ok: true; lead: Record<string, unknown> } | { ok: false; problems: FormProblem[] } {
  const contact = ContactSchema.safeParse({
    name: form.name,
    phone: form.phone,
    ...(form.email.trim() ? { email: form.email.trim() } : {}),
    ...(form.slot ? { preferredTime: form.slot } : {}),
  });
  const problems = new Set<FormProblem>();
  if (!contact.success) {
    for (const issue of contact.error.issues) {
      const field = issue.path[0];
      if (field === 'name' || field === 'phone' || field === 'email') problems.add(field);
    }
  }
  if (!form.consentContact) problems.add('consent');
  if (problems.size > 0 || !contact.success) return { ok: false, problems: [...problems] };
  return {
    ok: true,
    lead: {
      capturedAt: toOffsetIso(now),
      contact: { name: form.name.trim(), phone: form.phone.trim(), ...(form.email.trim() ? { email: form.email.trim() } : {}), ...(form.slot ? { preferredTime: form.slot } : {}) },
      consent: {
        contact: true,
        textVersion: notice.textVersion,
        givenAt: toOffsetIso(now),
        marketing: form.marketing,
        tagMarketing: form.tagMarketing,
        shareWithMaker: form.shareWithMaker,
        ...(notice.crossBorderCrm ? { crossBorderCrm: form.crossBorderCrm } : {}),
      },
      ...(draft ? { answers: draft.answers, plan: draft.plan, tags: draft.tags, events: draft.events } : {}),
    },
  };
}

/** China Standard Time: the showroom's clock, UTC+8 without daylight saving. */
const CST_OFFSET_MIN = 8 * 60;

/** An instant as ISO 8601 with the showroom's +08:00 offset (the lead schema wants an offset). */
export function toOffsetIso(instant: Date): string {
  const local = new Date(instant.getTime() + CST_OFFSET_MIN * 60_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** Test-drive slots: the next `days` days from tomorrow, at 10:00, 14:00 and 17:00 showroom time. */
export function testDriveSlots(now: Date, days = 4): string[] {
  const todayCst = new Date(now.getTime() + CST_OFFSET_MIN * 60_000);
  const slots: string[] = [];
  for (let d = 1; d <= days; d++) {
    const day = new Date(Date.UTC(todayCst.getUTCFullYear(), todayCst.getUTCMonth(), todayCst.getUTCDate() + d));
    for (const hour of [10, 14, 17]) slots.push(`${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  }
  return slots;
}
