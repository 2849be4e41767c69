import { useEffect, useState } from 'react';
import type { OutboxEntryStatus, SendVia } from '../../leads/outbox.ts';
import { leadOutbox } from '../../state/lead-outbox.ts';
import { useNavStore } from '../../state/nav-store.ts';
import { useI18n } from '../use-i18n.ts';
import { contactText, type ContactMessageKey } from './messages.ts';

/** The outbox entry of a lead, kept current as it is sent (or refused). */
function useOutboxEntry(id: string): OutboxEntryStatus | null {
  const [entry, setEntry] = useState<OutboxEntryStatus | null>(null);
  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    void leadOutbox().then(async (box) => {
      if (!live) return;
      const pick = (s: Awaited<ReturnType<typeof box.status>>) => live && setEntry(s.entries.find((e) => e.id === id) ?? null);
      unsubscribe = box.subscribe(pick);
      pick(await box.status());
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [id]);
  return entry;
}

/**
 * After submitting. A kiosk keeps the lead and sends it when it can (rep mode shows it), so it
 * says so. A customer's phone tells what became of the request: being sent, received by the
 * showroom, or, when the link's token no longer works, that it did not arrive, that the details
 * were deleted from the phone, and where to leave them instead.
 */
export function ContactDone({ id, via }: { id: string; via: SendVia }) {
  const { locale } = useI18n();
  const c = (k: ContactMessageKey) => contactText(locale, k);
  const entry = useOutboxEntry(id);
  const home = (
    <button type="button" className="button button--primary" onClick={() => useNavStore.getState().go('home')}>
      {c('done.again')}
    </button>
  );
  if (via.kind === 'kiosk') {
    return (
      <section className="contact card contact--done" role="status" data-testid="contact-done">
        <h1>{c('done.title')}</h1>
        <p>{c('done.body')}</p>
        {!navigator.onLine && <p className="contact__offline">{c('done.offline')}</p>}
        {home}
      </section>
    );
  }
  if (entry?.state === 'refused') {
    return (
      <section className="contact card contact--done contact--refused" role="alert" data-testid="contact-refused">
        <h1>{c('refused.title')}</h1>
        <p>{c('refused.body')}</p>
        {home}
      </section>
    );
  }
  const delivered = entry?.state === 'sent';
  return (
    <section className="contact card contact--done" role="status" data-testid={delivered ? 'contact-delivered' : 'contact-done'}>
      <h1>{delivered ? c('done.delivered') : c('done.saved')}</h1>
      <p>{delivered ? c('done.deliveredBody') : navigator.onLine ? c('done.sending') : c('done.offlinePhone')}</p>
      {home}
    </section>
  );
}
