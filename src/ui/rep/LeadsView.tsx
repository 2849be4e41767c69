import { useEffect, useState } from 'react';
import type { LeadListQuery } from '../../leads/api-client.ts';
import type { LeadList, LeadSummary } from '../../leads/api-schema.ts';
import { TAG_VOCABULARY } from '../../plan/index.ts';
import { repApi, useRepSession } from '../../state/rep-session.ts';
import { useRepI18n } from './use-rep-i18n.ts';
import { ExportButton } from './ExportButton.tsx';
import { LeadDetailPanel } from './LeadDetailPanel.tsx';
import { cstDayBefore, formatTime } from './rep-format.ts';
import { tagLabel } from './rep-text.ts';
import { errorMessage, useApiQuery, useDebounced } from './use-api.ts';

const PAGE = 30;
const PERIODS = ['all', 'today', '7', '30'] as const;
type Period = (typeof PERIODS)[number];

/** A full phone number searches by number (the server matches its keyed hash); anything else, names. */
const PHONE_LIKE = /^\+?[\d\s-]{8,}$/;

/** The list's filters as the API's query. */
export function leadQuery(search: string, tag: string | null, period: Period, nowMs: number): LeadListQuery {
  const s = search.trim();
  const query: LeadListQuery = {};
  if (s) PHONE_LIKE.test(s) ? (query.phone = s.replace(/[\s-]/g, '')) : (query.q = s);
  if (tag) query.tag = tag;
  if (period !== 'all') query.from = cstDayBefore(nowMs, period === 'today' ? 0 : Number(period) - 1);
  return query;
}

/** The lead list with search, tag and period filters, and the selected lead's detail beside it. */
export function LeadsView() {
  const { locale, r } = useRepI18n();
  const role = useRepSession((s) => s.role);
  const allStores = useRepSession((s) => s.role === 'manager' && s.storeId === null);
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [more, setMore] = useState<LeadSummary[]>([]);
  const settledSearch = useDebounced(search, 300);
  const query = leadQuery(settledSearch, tag, period, Date.now());
  const key = JSON.stringify(query);
  const list = useApiQuery<LeadList>(key, () => repApi.listLeads({ ...query, limit: PAGE }));
  useEffect(() => setMore([]), [key, list.data]);

  const leads = list.data ? [...list.data.leads, ...more] : [];
  const [moreError, setMoreError] = useState<string | null>(null);
  const loadMore = async () => {
    setMoreError(null);
    try {
      const page = await repApi.listLeads({ ...query, limit: PAGE, offset: leads.length });
      setMore((m) => [...m, ...page.leads]);
    } catch (e) {
      setMoreError(errorMessage(e as Error));
    }
  };

  return (
    <div className={`rep-leads${selected ? ' rep-leads--detail' : ''}`}>
      <div className="rep-leads__list card rep-card">
        <div className="rep-filters">
          <label className="rep-field rep-field--grow">
            <span className="visually-hidden">{r('leads.search')}</span>
            <input type="search" name="leadSearch" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={r('leads.search')} autoComplete="off" />
          </label>
          <div className="segmented" role="group" aria-label={r('leads.period')}>
            {PERIODS.map((p) => (
              <button key={p} type="button" className="segmented__option" aria-pressed={period === p} onClick={() => setPeriod(p)}>
                {r(`leads.period.${p}`)}
              </button>
            ))}
          </div>
          {role === 'manager' && <ExportButton query={{ ...(query.tag ? { tag: query.tag } : {}), ...(query.from ? { from: query.from } : {}) }} />}
        </div>
        <div className="rep-tags" role="group" aria-label={r('leads.tags')}>
          <button type="button" className="rep-chip" aria-pressed={tag === null} onClick={() => setTag(null)}>
            {r('leads.tag.any')}
          </button>
          {Object.entries(TAG_VOCABULARY).flatMap(([dim, tags]) =>
            tags.map((t) => (
              <button key={t} type="button" className={`rep-chip rep-chip--${dim}`} aria-pressed={tag === t} onClick={() => setTag(tag === t ? null : t)} data-tag={t}>
                {tagLabel(locale, t)}
              </button>
            )),
          )}
        </div>
        {list.error ? (
          <p className="rep-problem" role="alert">
            {r('leads.error', { message: errorMessage(list.error) })}{' '}
            <button type="button" className="button button--small" onClick={list.reload}>{r('leads.retry')}</button>
          </p>
        ) : list.data === null ? (
          <p className="rep-muted">{r('leads.loading')}</p>
        ) : (
          <>
            <p className="rep-muted" data-testid="lead-total">{r('leads.total', { n: list.data.total })}</p>
            {leads.length === 0 && <p className="rep-muted">{r('leads.empty')}</p>}
            <ul className="rep-lead-rows" data-testid="lead-rows">
              {leads.map((l) => (
                <li key={l.id}>
                  <button type="button" className="rep-lead-row" aria-current={selected === l.id ? 'true' : undefined} onClick={() => setSelected(l.id)} data-lead-id={l.id}>
                    <span className="rep-lead-row__name">{l.name}</span>
                    <span className="rep-lead-row__phone tabular">{l.phoneMasked}</span>
                    <span className={`rep-badge ${l.firstContactAt ? 'rep-badge--ok' : 'rep-badge--new'}`}>
                      {r(l.firstContactAt ? 'leads.status.contacted' : 'leads.status.new')}
                    </span>
                    <span className="rep-lead-row__time tabular">{formatTime(locale, l.createdAt)}</span>
                    {allStores && <span className="rep-lead-row__store">{l.storeId}</span>}
                    {l.interactions > 1 && <span className="rep-lead-row__visits">{r('leads.visits', { n: l.interactions })}</span>}
                    <span className="rep-lead-row__tags">
                      {[...(l.tags.value ?? []), ...(l.tags.needs ?? []), ...(l.tags.behaviour ?? [])].map((t) => (
                        <span key={t} className="rep-tag">{tagLabel(locale, t)}</span>
                      ))}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {leads.length < list.data.total && (
              <button type="button" className="button rep-more" onClick={() => void loadMore()}>
                {r('leads.more')}
              </button>
            )}
            {moreError && <p className="rep-problem" role="alert">{r('leads.error', { message: moreError })}</p>}
          </>
        )}
      </div>
      <div className="rep-leads__detail">
        {selected ? (
          <LeadDetailPanel
            key={selected}
            id={selected}
            onBack={() => setSelected(null)}
            onChanged={list.reload}
            onErased={() => {
              setSelected(null);
              list.reload();
            }}
          />
        ) : (
          <p className="card rep-card rep-muted rep-leads__pick">{r('detail.pick')}</p>
        )}
      </div>
    </div>
  );
}
