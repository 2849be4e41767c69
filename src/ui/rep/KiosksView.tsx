import { useEffect, type ReactNode } from 'react';
import type { Locale } from '../../i18n/messages.ts';
import type { KioskList, KioskStatus } from '../../leads/heartbeat-schema.ts';
import { heartbeatReceipt } from '../../state/kiosk-heartbeat.ts';
import { repApi, useRepSession } from '../../state/rep-session.ts';
import { findScreen } from '../screens.tsx';
import { kiosksText, type KiosksMessageKey } from './kiosks-text.ts';
import { formatAgo, formatBytes, formatDuration, formatTime } from './rep-format.ts';
import { errorMessage, useApiQuery } from './use-api.ts';
import { useRepI18n } from './use-rep-i18n.ts';

/** How often the list is fetched again while it is shown. */
export const KIOSKS_REFRESH_MS = 30_000;

type T = (key: KiosksMessageKey, params?: Record<string, string | number>) => string;

/**
 * "展厅终端 / Kiosks": the store's kiosks from their heartbeats (GET /api/kiosks), refreshed every
 * 30 s while shown: name and id, last heard (relative, in the rep's language), version (flagged
 * when it is not the server's), screen, outbox waiting and failed, persistent storage, offline
 * readiness and the last error; a kiosk that went quiet gets a warning row of its own. A manager of
 * every store sees every store's kiosks, each with its store.
 */
export function KiosksView() {
  const { locale } = useRepI18n();
  const t: T = (key, params) => kiosksText(locale, key, params);
  const allStores = useRepSession((s) => s.storeId === null);
  const query = useApiQuery('kiosks', () => repApi.kiosks());
  const { reload } = query;
  useEffect(() => {
    const timer = setInterval(reload, KIOSKS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const list = query.data;
  const quiet = list?.kiosks.filter((k) => k.quiet).length ?? 0;

  return (
    <section className="card rep-card rep-kiosks" aria-labelledby="rep-kiosks-title" data-testid="rep-kiosks">
      <h2 id="rep-kiosks-title">{t('title')}</h2>
      <p className="rep-muted">{t('hint', { minutes: Math.round((list?.quietAfterS ?? 180) / 60) })}</p>
      <div className="rep-actions">
        <button type="button" className="button" onClick={reload} disabled={query.loading} data-testid="kiosks-refresh">
          {t('refresh')}
        </button>
        {list && <span className="rep-muted" data-testid="kiosks-updated">{t('updated', { time: formatTime(locale, list.now) })}</span>}
      </div>
      {query.loading && !list && <p className="rep-muted">{t('loading')}</p>}
      {query.error && <p className="rep-problem" role="alert">{t('load.failed', { message: errorMessage(query.error) })}</p>}
      {list && list.kiosks.length === 0 && <p className="rep-muted" data-testid="kiosks-empty">{t('empty')}</p>}
      {list && list.kiosks.length > 0 && (
        <>
          <p className={quiet > 0 ? 'rep-warn' : 'rep-muted'} data-testid="kiosks-summary">
            {quiet > 0 ? t('summary.quiet', { n: list.kiosks.length, quiet }) : t('summary', { n: list.kiosks.length })}
          </p>
          <ul className="rep-kiosks__list">
            {list.kiosks.map((k) => (
              <KioskItem key={k.id} kiosk={k} list={list} showStore={allStores} locale={locale} t={t} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function KioskItem({ kiosk: k, list, showStore, locale, t }: { kiosk: KioskStatus; list: KioskList; showStore: boolean; locale: Locale; t: T }) {
  const { t: app } = useRepI18n();
  const name = k.label ?? k.id;
  const seen = k.secondsSince < 5 ? t('seen.justNow') : formatAgo(locale, k.secondsSince);
  const screen = findScreen(k.screen);
  return (
    <li className={`rep-kiosks__item${k.quiet ? ' rep-kiosks__item--quiet' : ''}`} data-kiosk-id={k.id}>
      {k.quiet && (
        <p className="rep-kiosks__quiet" role="alert" data-testid="kiosk-quiet">
          {t('quiet.warning', { name, duration: formatDuration(locale, k.secondsSince), time: formatTime(locale, k.lastSeenAt) })}
        </p>
      )}
      <div className="rep-kiosks__head">
        <strong>{name}</strong>
        <code>{k.id}</code>
        {heartbeatReceipt()?.kioskId === k.id && <span className="rep-badge rep-badge--ok">{t('thisKiosk')}</span>}
        {showStore && <span className="rep-badge">{t('store', { store: k.storeId })}</span>}
      </div>
      <dl className="rep-kiosks__facts">
        <FactRow id="seen" label={t('seen.label')} warn={k.quiet}>
          <span title={formatTime(locale, k.lastSeenAt)}>{seen}</span>
        </FactRow>
        <FactRow id="version" label={t('version.label')} warn={k.version !== list.serverVersion}>
          {k.version}
          {k.version !== list.serverVersion && <span className="rep-kiosks__note">{t('version.differs', { server: list.serverVersion })}</span>}
        </FactRow>
        <FactRow id="screen" label={t('screen.label')}>{screen ? app(screen.labelKey) : t('screen.unknown')}</FactRow>
        <FactRow id="outbox" label={t('outbox.label')} warn={(k.outbox?.failed ?? 0) > 0}>
          {k.outbox ? `${k.outbox.pending} / ${k.outbox.failed}` : t('outbox.unknown')}
          {k.outbox && k.outbox.failed > 0 && <span className="rep-kiosks__note">{t('outbox.failed', { n: k.outbox.failed })}</span>}
        </FactRow>
        <FactRow id="storage" label={t('storage.label')} warn={k.storage?.persisted === false}>
          {k.storage === null ? t('storage.unknown') : t(k.storage.persisted ? 'storage.yes' : 'storage.no')}
          {k.storage?.usageBytes != null && k.storage.quotaBytes != null && (
            <span className="rep-kiosks__note">{t('storage.usage', { usage: formatBytes(k.storage.usageBytes), quota: formatBytes(k.storage.quotaBytes) })}</span>
          )}
        </FactRow>
        <FactRow id="sw" label={t('sw.label')}>
          {!k.serviceWorker?.registered ? t('sw.none') : t(k.serviceWorker.offlineReady ? 'sw.ready' : 'sw.installing')}
          {k.serviceWorker?.waiting && <span className="rep-kiosks__note">{t('sw.waiting')}</span>}
        </FactRow>
        <FactRow id="error" label={t('error.label')} warn={k.lastError !== null}>
          {k.lastError ? <code className="rep-kiosk__error">{k.lastError.message}</code> : t('error.none')}
          {k.lastError && <span className="rep-kiosks__note">{formatTime(locale, k.lastError.at)}</span>}
        </FactRow>
      </dl>
    </li>
  );
}

/** One fact of a kiosk: a warning colour when something needs doing. */
function FactRow({ label, children, warn = false, id }: { label: string; children: ReactNode; warn?: boolean; id: string }) {
  return (
    <div className={warn ? 'rep-kiosks__fact rep-warn' : 'rep-kiosks__fact'} data-fact={id}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
