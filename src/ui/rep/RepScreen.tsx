import { useEffect, useState, type FormEvent } from 'react';
import { useRepSession } from '../../state/rep-session.ts';
import { useRepI18n } from './use-rep-i18n.ts';
import { FunnelView } from './FunnelView.tsx';
import { KioskSyncCard } from './KioskSyncCard.tsx';
import { KiosksView } from './KiosksView.tsx';
import { LeadsView } from './LeadsView.tsx';
import { ManageCard } from './ManageCard.tsx';
import { StoreSettingsCard } from './StoreSettingsCard.tsx';
import { useStoreSettings } from '../../state/settings-store.ts';
import { settingsText } from './settings-text.ts';
import './rep.css';

const TABS = ['leads', 'funnel', 'kiosks', 'kiosk', 'manage', 'settings'] as const;
/** Tabs only managers get. */
const MANAGER_TABS: readonly Tab[] = ['manage', 'settings'];
type Tab = (typeof TABS)[number];

/**
 * Rep mode (`#/rep`, its own lazy chunk): the kiosk's lead delivery status for anyone at the
 * kiosk (no personal data), and behind a token sign-in the lead list, a lead's detail, CSV export
 * (managers), the funnel, the store's kiosks from their heartbeats, and for managers the store
 * settings. Signed-in staff are told when this kiosk's store settings file has a problem.
 */
export function RepScreen() {
  const { locale, r } = useRepI18n();
  const session = useRepSession();
  const settingsProblem = useStoreSettings((s) => s.problem);
  const [tab, setTab] = useState<Tab>('leads');

  useEffect(() => void useRepSession.getState().restore(), []);

  const who =
    session.role === 'rep' ? r('who.rep', { store: session.storeId ?? '—' }) : session.storeId ? r('who.manager.store', { store: session.storeId }) : r('who.manager.all');

  return (
    <section className="rep" data-testid="rep-screen">
      <header className="rep__head">
        <div>
          <h1>{r('title')}</h1>
          {session.status !== 'signed-in' && <p className="rep-muted">{r('lead')}</p>}
        </div>
        {session.status === 'signed-in' && (
          <div className="rep__who">
            <span className="rep-badge" data-testid="rep-who">{who}</span>
            <button type="button" className="button" onClick={session.signOut} data-testid="rep-sign-out">
              {r('signOut')}
            </button>
          </div>
        )}
      </header>
      {session.status !== 'signed-in' ? (
        <div className="rep__start">
          <SignInCard />
          <KioskSyncCard />
        </div>
      ) : (
        <>
          {settingsProblem && (
            <p className="rep-settings__banner" role="alert" data-testid="kiosk-settings-problem">
              {settingsText(locale, 'problem.kiosk', { message: settingsProblem.message })}
            </p>
          )}
          <div className="segmented rep__tabs" role="tablist">
            {TABS.filter((t) => !MANAGER_TABS.includes(t) || session.role === 'manager').map((t) => (
              <button key={t} type="button" role="tab" className="segmented__option" aria-selected={tab === t} aria-pressed={tab === t} onClick={() => setTab(t)} data-testid={`rep-tab-${t}`}>
                {r(`tab.${t}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {tab === 'leads' && <LeadsView />}
            {tab === 'funnel' && <FunnelView />}
            {tab === 'kiosks' && <KiosksView />}
            {tab === 'kiosk' && <KioskSyncCard />}
            {tab === 'manage' && session.role === 'manager' && <ManageCard />}
            {tab === 'settings' && session.role === 'manager' && <StoreSettingsCard />}
          </div>
        </>
      )}
    </section>
  );
}

function SignInCard() {
  const { r } = useRepI18n();
  const { status, problem, signIn } = useRepSession();
  const [token, setToken] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await signIn(token)) setToken('');
  };
  return (
    <form className="card rep-card rep-signin" onSubmit={submit} data-testid="rep-sign-in">
      <h2>{r('signIn.title')}</h2>
      <p className="rep-muted">{r('signIn.hint')}</p>
      <label className="rep-field">
        <span>{r('signIn.token')}</span>
        <input name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} aria-invalid={problem !== null} />
      </label>
      {problem && <p className="rep-problem" role="alert">{r(`signIn.problem.${problem}`)}</p>}
      <button type="submit" className="button button--primary" disabled={status === 'checking'}>
        {r(status === 'checking' ? 'signIn.checking' : 'signIn.submit')}
      </button>
    </form>
  );
}
