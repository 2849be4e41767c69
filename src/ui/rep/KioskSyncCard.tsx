import { useEffect, useState, type FormEvent } from 'react';
import { APP_VERSION } from '../../app-version.ts';
import { createLeadApi } from '../../leads/api-client.ts';
import type { OutboxEntryStatus, OutboxStatus } from '../../leads/outbox.ts';
import { checkKioskLink, kioskTokens, leadOutbox, startLeadSync, type KioskLink } from '../../state/lead-outbox.ts';
import { useRepI18n } from './use-rep-i18n.ts';
import type { RepMessageKey } from './rep-text.ts';
import { formatTime } from './rep-format.ts';

/**
 * This kiosk's outbox as rep mode sees it: counts (and how many leads were removed undelivered
 * after 30 days), each entry's state and last error, retry; for a lead the server refused (a kiosk
 * older than its server, say) the server's reason, resend after an update, or delete; whether the
 * lead server can be reached, which store this kiosk belongs to, or that its pairing was revoked;
 * the kiosk's and the server's versions; pairing with a manager's code. No personal data: the
 * outbox only exposes ids, times and errors.
 */
export function KioskSyncCard() {
  const { locale, r } = useRepI18n();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [link, setLink] = useState<KioskLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [serverVersion, setServerVersion] = useState<string | null>(null);
  const [revokedAt, setRevokedAt] = useState<number | null>(null);
  const refreshLink = async () => {
    const l = await checkKioskLink();
    setLink(l);
    setRevokedAt(await kioskTokens().revokedAt());
  };

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let live = true;
    leadOutbox()
      .then(async (box) => {
        if (!live) return;
        unsubscribe = box.subscribe(setStatus);
        setStatus(await box.status());
      })
      .catch(() => live && setUnavailable(true));
    void checkKioskLink().then(async (l) => {
      if (!live) return;
      setLink(l);
      setRevokedAt(await kioskTokens().revokedAt());
    });
    void createLeadApi({ token: () => null })
      .health()
      .then((h) => live && setServerVersion(h.version ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);

  const retry = async () => {
    setBusy(true);
    try {
      await startLeadSync();
      const box = await leadOutbox();
      await box.retryAll();
      setStatus(await box.status());
      await refreshLink();
    } finally {
      setBusy(false);
    }
  };

  const discard = async (id: string) => {
    if (!window.confirm(r('kiosk.discardConfirm'))) return;
    const box = await leadOutbox();
    await box.discard(id);
    setStatus(await box.status());
  };

  const resend = async (id: string): Promise<string | null> => {
    await startLeadSync();
    const box = await leadOutbox();
    const result = await box.resend(id);
    setStatus(await box.status());
    return result.ok ? null : r('kiosk.resendFailed', { field: result.field, message: result.message });
  };

  const linkText = (l: KioskLink | null) => {
    if (!l) return r('kiosk.server.checking');
    if (l.kind === 'ok') return r('kiosk.server.ok', { store: l.storeId ?? '—' });
    return r(`kiosk.server.${l.kind}`);
  };

  return (
    <section className="card rep-card rep-kiosk" aria-labelledby="rep-kiosk-title" data-testid="rep-kiosk">
      <h2 id="rep-kiosk-title">{r('kiosk.title')}</h2>
      <p className="rep-muted">{r('kiosk.hint')}</p>
      {unavailable ? (
        <p className="rep-problem" role="alert">{r('kiosk.unavailable')}</p>
      ) : (
        <>
          <dl className="rep-kiosk__counts">
            {(['pending', 'failed', 'refused', 'sent'] as const).map((state) => (
              <div key={state} className={`rep-kiosk__count rep-kiosk__count--${state}`} data-testid={`outbox-${state}`}>
                <dt>{r(`kiosk.${state}`)}</dt>
                <dd className="tabular">{status ? status[state] : '…'}</dd>
              </div>
            ))}
          </dl>
          {!(link?.kind === 'revoked' && revokedAt !== null) && (
            <p className={link?.kind === 'ok' ? 'rep-ok' : 'rep-warn'} data-testid="kiosk-link" role="status">
              {linkText(link)}
            </p>
          )}
          {revokedAt !== null && (
            <div className="rep-warn rep-kiosk__revoked" role="alert" data-testid="kiosk-revoked">
              <p>{r('kiosk.server.revokedAt', { time: formatTime(locale, revokedAt) })}</p>
              <button type="button" className="button button--small" onClick={() => void kioskTokens().dismissRevoked().then(refreshLink)}>
                {r('kiosk.revoked.dismiss')}
              </button>
            </div>
          )}
          {status !== null && status.expired > 0 && (
            <p className="rep-warn" data-testid="outbox-expired">
              {r('kiosk.expired', { n: status.expired })}
            </p>
          )}
          {status?.persisted === false && <p className="rep-warn">{r('kiosk.persisted.no')}</p>}
          <p className="rep-muted" data-testid="kiosk-versions">
            {r('kiosk.versions', { kiosk: APP_VERSION, server: serverVersion ?? '—' })}
          </p>
          <div className="rep-actions">
            <button type="button" className="button" onClick={retry} disabled={busy} data-testid="outbox-retry">
              {busy ? r('kiosk.retrying') : r('kiosk.retry')}
            </button>
          </div>
          <OutboxEntries status={status} onDiscard={discard} onResend={resend} />
        </>
      )}
      <PairForm onPaired={() => void retry()} />
    </section>
  );
}

function OutboxEntries({ status, onDiscard, onResend }: { status: OutboxStatus | null; onDiscard: (id: string) => void; onResend: (id: string) => Promise<string | null> }) {
  const { r } = useRepI18n();
  if (!status) return null;
  const open = status.entries.filter((e) => e.state === 'pending' || e.state === 'failed');
  const closed = status.entries.filter((e) => e.state === 'sent' || e.state === 'refused').slice(0, 5);
  if (open.length === 0 && closed.length === 0) return <p className="rep-muted">{r('kiosk.empty')}</p>;
  return (
    <ul className="rep-kiosk__entries" data-testid="outbox-entries">
      {[...open, ...closed].map((e) => (
        <OutboxEntry key={e.id} entry={e} onDiscard={onDiscard} onResend={onResend} />
      ))}
    </ul>
  );
}

function OutboxEntry({ entry: e, onDiscard, onResend }: { entry: OutboxEntryStatus; onDiscard: (id: string) => void; onResend: (id: string) => Promise<string | null> }) {
  const { locale, r } = useRepI18n();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <li className={`rep-kiosk__entry rep-kiosk__entry--${e.state}`} data-testid={`outbox-entry-${e.state}`}>
      <span className="rep-badge">{r(`kiosk.state.${e.state}`)}</span>
      <code title={e.id}>{e.id.slice(0, 8)}</code>
      <span>{r('kiosk.entry.created', { time: formatTime(locale, e.createdAtMs) })}</span>
      <span>{r('kiosk.entry.attempts', { n: e.attempts })}</span>
      {e.via === 'link' && <span>{r('kiosk.entry.viaLink')}</span>}
      {e.appVersion && <span>{r('kiosk.entry.version', { version: e.appVersion })}</span>}
      {e.state === 'pending' && <span>{r('kiosk.entry.next', { time: formatTime(locale, e.nextAttemptAtMs) })}</span>}
      {e.state === 'sent' && e.sentAtMs !== null && <span>{r('kiosk.entry.sent', { time: formatTime(locale, e.sentAtMs) })}</span>}
      {e.lastError && <span className="rep-kiosk__error">{outboxError(e.lastError, r)}</span>}
      {e.state === 'failed' && (
        <>
          <p className="rep-muted rep-kiosk__skew">{r('kiosk.entry.skew', { version: APP_VERSION })}</p>
          <span className="rep-actions">
            <button type="button" className="button button--small" data-testid="outbox-resend" onClick={() => void onResend(e.id).then(setProblem)}>
              {r('kiosk.resend')}
            </button>
            <button type="button" className="button button--small" onClick={() => onDiscard(e.id)}>
              {r('kiosk.discard')}
            </button>
          </span>
          {problem && <p className="rep-problem" role="alert">{problem}</p>}
        </>
      )}
    </li>
  );
}

/** The outbox's last error in the rep's words where it is a known one; the server's code otherwise. */
function outboxError(lastError: string, r: (k: RepMessageKey) => string): string {
  if (lastError.startsWith('offline ')) return r('kiosk.error.offline');
  if (lastError === '401 kiosk not paired') return r('kiosk.error.unpaired');
  if (lastError === '401 kiosk token revoked') return r('kiosk.error.revoked');
  return lastError;
}

function PairForm({ onPaired }: { onPaired: () => void }) {
  const { r } = useRepI18n();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<{ ok: true; store: string } | { ok: false; key: RepMessageKey } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = code.replace(/\s+/g, '').toUpperCase();
    if (!trimmed) return;
    const res = await kioskTokens().pair(trimmed, 'kiosk');
    if (res.ok) {
      setResult({ ok: true, store: res.storeId });
      setCode('');
      onPaired();
    } else setResult({ ok: false, key: res.status === null ? 'pair.unreachable' : 'pair.failed' });
  };
  return (
    <form className="rep-pair" onSubmit={submit} data-testid="pair-form">
      <h3>{r('pair.title')}</h3>
      <div className="rep-inline">
        <label className="rep-field">
          <span className="visually-hidden">{r('pair.code')}</span>
          <input name="pairingCode" value={code} onChange={(e) => setCode(e.target.value)} placeholder={r('pair.code')} autoComplete="off" autoCapitalize="characters" maxLength={16} />
        </label>
        <button type="submit" className="button">{r('pair.submit')}</button>
      </div>
      {result && (
        <p className={result.ok ? 'rep-ok' : 'rep-problem'} role={result.ok ? 'status' : 'alert'}>
          {result.ok ? r('pair.ok', { store: result.store }) : r(result.key)}
        </p>
      )}
    </form>
  );
}
