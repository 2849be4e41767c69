import { useMemo, useState, type FormEvent } from 'react';
import { consentNotice } from '../../leads/consent-notice.ts';
import { useLeadDraft } from '../../state/lead-draft.ts';
import { funnelStep } from '../../state/funnel.ts';
import { leadOutbox, startLeadSync } from '../../state/lead-outbox.ts';
import { useNavStore } from '../../state/nav-store.ts';
import { useI18n } from '../use-i18n.ts';
import { EMPTY_FORM, leadFromForm, testDriveSlots, type ContactFormState, type FormProblem } from './contact-form.ts';
import { contactText } from './messages.ts';
import './contact.css';

/** Days the dealer keeps a lead after the last interaction (the server's RETENTION_DAYS default). */
const RETENTION_DAYS = 365;

/**
 * Consent first: the notice, then the fields, then the separate consents. Submitting writes the lead
 * to the kiosk's outbox before any network; the outbox sends it when it can.
 */
export function ContactScreen() {
  const { locale } = useI18n();
  const c = (k: Parameters<typeof contactText>[1]) => contactText(locale, k);
  const notice = consentNotice(locale, { dealerName: c('dealer'), makerName: c('maker'), retentionDays: RETENTION_DAYS });
  const draft = useLeadDraft((s) => s.draft);
  const [form, setForm] = useState<ContactFormState>(EMPTY_FORM);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [state, setState] = useState<'editing' | 'saving' | 'done' | 'failed'>('editing');
  const slots = useMemo(() => testDriveSlots(new Date()), []);
  const set = <K extends keyof ContactFormState>(key: K, value: ContactFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A field the customer is fixing stops showing its problem.
    const fixed: FormProblem | null = key === 'consentContact' ? 'consent' : key === 'name' || key === 'phone' || key === 'email' ? key : null;
    if (fixed) setProblems((p) => p.filter((x) => x !== fixed));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = leadFromForm(form, notice, draft, new Date());
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    setState('saving');
    try {
      const box = await leadOutbox();
      await box.enqueue(result.lead as Parameters<typeof box.enqueue>[0]);
      useLeadDraft.getState().clear();
      funnelStep('lead_submitted');
      setState('done');
      void startLeadSync();
    } catch {
      setState('failed');
    }
  };

  if (state === 'done') {
    return (
      <section className="contact card contact--done" role="status" data-testid="contact-done">
        <h1>{c('done.title')}</h1>
        <p>{c('done.body')}</p>
        {!navigator.onLine && <p className="contact__offline">{c('done.offline')}</p>}
        <button type="button" className="button button--primary" onClick={() => useNavStore.getState().go('home')}>
          {c('done.again')}
        </button>
      </section>
    );
  }

  const slotLabel = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', weekday: 'short', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const problem = (p: FormProblem) => (problems.includes(p) ? <p className="contact__problem" role="alert">{c(`problem.${p}`)}</p> : null);

  return (
    <form className="contact card" onSubmit={submit} noValidate data-testid="contact-form">
      <h1>{c('title')}</h1>
      <p className="contact__lead">{c('lead')}</p>
      <section className="contact__notice" aria-labelledby="notice-title">
        <h2 id="notice-title">{notice.title}</h2>
        {notice.body.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
      <label className="contact__field">
        <span>{c('name')}</span>
        <input name="name" autoComplete="name" value={form.name} onChange={(e) => set('name', e.target.value)} aria-invalid={problems.includes('name')} />
      </label>
      {problem('name')}
      <label className="contact__field">
        <span>{c('phone')}</span>
        <input name="phone" type="tel" inputMode="tel" autoComplete="tel" value={form.phone} onChange={(e) => set('phone', e.target.value)} aria-invalid={problems.includes('phone')} />
        <small>{c('phoneHint')}</small>
      </label>
      {problem('phone')}
      <label className="contact__field">
        <span>{c('email')}</span>
        <input name="email" type="email" inputMode="email" autoComplete="email" value={form.email} onChange={(e) => set('email', e.target.value)} aria-invalid={problems.includes('email')} />
      </label>
      {problem('email')}
      <fieldset className="contact__slots">
        <legend>{c('slot')}</legend>
        <button type="button" className="chip" aria-pressed={form.slot === ''} onClick={() => set('slot', '')}>
          {c('slotNone')}
        </button>
        {slots.map((iso) => (
          <button key={iso} type="button" className="chip" aria-pressed={form.slot === iso} onClick={() => set('slot', iso)} data-slot={iso}>
            {slotLabel(iso)}
          </button>
        ))}
      </fieldset>
      <fieldset className="contact__consents">
        {(
          [
            ['consentContact', notice.contact],
            ['marketing', notice.marketing],
            ['tagMarketing', notice.tagMarketing],
            ['shareWithMaker', notice.shareWithMaker],
            ...(notice.crossBorderCrm ? [['crossBorderCrm', notice.crossBorderCrm] as const] : []),
          ] as const
        ).map(([key, text]) => (
          <label key={key} className="contact__consent">
            <input type="checkbox" name={key} checked={form[key]} onChange={(e) => set(key, e.target.checked)} />
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      {problem('consent')}
      {state === 'failed' && <p className="contact__problem" role="alert">{c('error.storage')}</p>}
      <button type="submit" className="button button--primary contact__submit" disabled={state === 'saving'} data-testid="contact-submit">
        {state === 'saving' ? c('saving') : c('submit')}
      </button>
    </form>
  );
}
