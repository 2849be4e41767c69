import { useState, type FormEvent } from 'react';
import { StoreIdSchema } from '../../leads/lead-schema.ts';
import { parsePhone } from '../../leads/phone.ts';
import { repApi, useRepSession } from '../../state/rep-session.ts';
import { useRepI18n } from './use-rep-i18n.ts';
import { formatTime } from './rep-format.ts';
import { errorMessage } from './use-api.ts';

/**
 * Manager tools: a pairing code that enrolls another kiosk (valid 10 minutes, shown once), and
 * erasure of every lead with a phone number, as a customer's PIPL or GDPR request asks.
 */
export function ManageCard() {
  const { locale, r } = useRepI18n();
  const ownStore = useRepSession((s) => s.storeId);
  const [store, setStore] = useState(ownStore ?? '');
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [erasure, setErasure] = useState<{ ok: true; n: number } | { ok: false; message: string } | null>(null);

  const issue = async (e: FormEvent) => {
    e.preventDefault();
    setCode(null);
    setCodeError(null);
    const storeId = StoreIdSchema.safeParse(store.trim());
    if (!storeId.success) return setCodeError(r('manage.store.invalid'));
    try {
      setCode(await repApi.issuePairingCode(storeId.data));
    } catch (error) {
      setCodeError(errorMessage(error as Error));
    }
  };

  const erase = async (e: FormEvent) => {
    e.preventDefault();
    setErasure(null);
    const parsed = parsePhone(phone);
    if (!parsed.ok) return setErasure({ ok: false, message: r('manage.erase.invalid') });
    if (!window.confirm(r('manage.erase.confirm', { phone: parsed.e164 }))) return;
    try {
      setErasure({ ok: true, n: await repApi.eraseByPhone(parsed.e164) });
      setPhone('');
    } catch (error) {
      setErasure({ ok: false, message: errorMessage(error as Error) });
    }
  };

  return (
    <section className="card rep-card rep-manage" aria-labelledby="rep-manage-title" data-testid="rep-manage">
      <h2 id="rep-manage-title">{r('manage.title')}</h2>
      <form className="rep-pair" onSubmit={issue} data-testid="issue-code">
        <h3>{r('manage.pair.title')}</h3>
        <p className="rep-muted">{r('manage.pair.hint')}</p>
        <div className="rep-inline">
          <label className="rep-field">
            <span className="visually-hidden">{r('detail.store')}</span>
            <input name="storeId" value={store} onChange={(e) => setStore(e.target.value)} placeholder={r('detail.store')} readOnly={ownStore !== null} autoComplete="off" />
          </label>
          <button type="submit" className="button">{r('manage.pair.submit')}</button>
        </div>
        {code && (
          <p className="rep-code" role="status">
            <strong className="tabular" data-testid="pairing-code">{code.code}</strong>
            <span className="rep-muted">{r('manage.pair.expires', { time: formatTime(locale, code.expiresAt) })}</span>
          </p>
        )}
        {codeError && <p className="rep-problem" role="alert">{codeError}</p>}
      </form>
      <form className="rep-pair" onSubmit={erase} data-testid="erase-phone">
        <h3>{r('manage.erase.title')}</h3>
        <p className="rep-muted">{r('manage.erase.hint')}</p>
        <div className="rep-inline">
          <label className="rep-field">
            <span className="visually-hidden">{r('detail.phone')}</span>
            <input name="erasePhone" type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder={r('detail.phone')} autoComplete="off" />
          </label>
          <button type="submit" className="button rep-danger">{r('manage.erase.submit')}</button>
        </div>
        {erasure && (
          <p className={erasure.ok ? 'rep-ok' : 'rep-problem'} role={erasure.ok ? 'status' : 'alert'}>
            {erasure.ok ? r('manage.erase.done', { n: erasure.n }) : erasure.message}
          </p>
        )}
      </form>
    </section>
  );
}
