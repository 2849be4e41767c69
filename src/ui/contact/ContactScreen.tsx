import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ConsentNoticeParams } from '../../leads/api-schema.ts';
import { consentNotice } from '../../leads/consent-notice.ts';
import type { SendVia } from '../../leads/outbox.ts';
import { cachedNotice, loadNotice } from '../../state/consent-notice.ts';
import { useLeadDraft } from '../../state/lead-draft.ts';
import { funnelStep } from '../../state/funnel.ts';
import { leadChannel, leadOutbox, startLeadSync } from '../../state/lead-outbox.ts';
import { useNavStore } from '../../state/nav-store.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { useI18n } from '../use-i18n.ts';
import { ContactDone } from './ContactDone.tsx';
import { EMPTY_FORM, leadFromForm, testDriveSlots, type ContactFormState, type FormProblem } from './contact-form.ts';
import { contactText } from './messages.ts';
import './contact.css';

/** The notice's facts for this way of sending: the cached copy at once, then the server's. */
function useNoticeParams(via: SendVia | null): { params: ConsentNoticeParams | null; loading: boolean; retry: () => void } {
  const [params, setParams] = useState<ConsentNoticeParams | null>(() => (via ? cachedNotice(via) : null));
  const [loading, setLoading] = useState(via !== null);
  const [attempt, setAttempt] = useState(0);
  const key = via?.kind === 'link' ? via.token : via?.kind;
  useEffect(() => {
    if (!via) return;
    let live = true;
    setLoading(true);
    void loadNotice(via).then((p) => {
      if (!live) return;
      setParams(p);
      setLoading(false);
    });
    return () => {
      live = false;
    };
    // `key` stands for `via`, a new object on every render.
  }, [key, attempt]);
  return { params, loading, retry: () => setAttempt((n) => n + 1) };
}

/**
 * Consent first: the notice (its facts from the lead server: dealer, maker, retention, a CRM
 * outside mainland China), then the fields, then the separate consents. Submitting writes the lead
 * to the outbox before any network; the outbox sends it when it can. On a phone whose share link
 * can no longer deliver a lead, the form is not offered at all.
 */
export function ContactScreen() {
  const { locale } = useI18n();
  const c = (k: Parameters<typeof contactText>[1]) => contactText(locale, k);
  const fromLink = usePlanStore((s) => s.origin === 'link');
  const [channel, setChannel] = useState(() => leadChannel(Date.now(), fromLink));
  const via = channel.kind === 'closed' ? null : channel;
  const { params, loading, retry } = useNoticeParams(via);
  const draft = useLeadDraft((s) => s.draft);
  const [form, setForm] = useState<ContactFormState>(EMPTY_FORM);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [state, setState] = useState<{ kind: 'editing' | 'saving' | 'failed' } | { kind: 'done'; id: string; via: SendVia }>({ kind: 'editing' });
  const slots = useMemo(() => testDriveSlots(new Date()), []);
  const set = <K extends keyof ContactFormState>(key: K, value: ContactFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A field the customer is fixing stops showing its problem.
    const fixed: FormProblem | null = key === 'consentContact' ? 'consent' : key === 'name' || key === 'phone' || key === 'email' ? key : null;
    if (fixed) setProblems((p) => p.filter((x) => x !== fixed));
  };

  if (state.kind === 'done') return <ContactDone id={state.id} via={state.via} />;
  if (!via) return <ContactClosed />;
  if (!params) {
    return (
      <section className="contact card contact--done" role="status" data-testid="contact-notice-unavailable">
        <p>{loading ? c('notice.loading') : c('notice.unavailable')}</p>
        {!loading && (
          <button type="button" className="button" onClick={retry}>
            {c('notice.retry')}
          </button>
        )}
      </section>
    );
  }
  const notice = consentNotice(locale, { dealerName: params.dealerName[locale], makerName: params.makerName[locale], retentionDays: params.retentionDays, ...(params.crmLocation ? { crmLocation: params.crmLocation[locale] } : {}) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = leadFromForm(form, notice, draft, new Date());
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    // The link may have expired while the customer typed: then nothing is stored at all.
    const now = leadChannel(Date.now(), fromLink);
    if (now.kind === 'closed') return setChannel(now);
    setProblems([]);
    setState({ kind: 'saving' });
    try {
      const box = await leadOutbox();
      const id = await box.enqueue(result.lead as Parameters<typeof box.enqueue>[0], now);
      useLeadDraft.getState().clear();
      funnelStep('lead_submitted');
      setState({ kind: 'done', id, via: now });
      void startLeadSync();
    } catch {
      setState({ kind: 'failed' });
    }
  };

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
      {state.kind === 'failed' && <p className="contact__problem" role="alert">{c('error.storage')}</p>}
      <button type="submit" className="button button--primary contact__submit" disabled={state.kind === 'saving'} data-testid="contact-submit">
        {state.kind === 'saving' ? c('saving') : c('submit')}
      </button>
    </form>
  );
}

/** A phone whose share link can no longer deliver a lead: where to leave the contact instead. */
function ContactClosed() {
  const { locale } = useI18n();
  return (
    <section className="contact card contact--done" role="status" data-testid="contact-closed">
      <h1>{contactText(locale, 'closed.title')}</h1>
      <p>{contactText(locale, 'closed.body')}</p>
      <button type="button" className="button button--primary" onClick={() => useNavStore.getState().go('home')}>
        {contactText(locale, 'done.again')}
      </button>
    </section>
  );
}
