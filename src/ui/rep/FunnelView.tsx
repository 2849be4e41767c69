import { useState } from 'react';
import type { Funnel } from '../../leads/api-schema.ts';
import { FUNNEL_STEPS } from '../../leads/event-schema.ts';
import { repApi, useRepSession } from '../../state/rep-session.ts';
import { useRepI18n } from './use-rep-i18n.ts';
import { DailyFunnelChart, formatRatio, formatSpeed, FunnelSteps } from './FunnelChart.tsx';
import { funnelText } from './funnel-text.ts';
import { cstDayBefore } from './rep-format.ts';
import { errorMessage, useApiQuery } from './use-api.ts';

const SPANS = [7, 30, 90] as const;

/**
 * The funnel of the last 7, 30 or 90 days (China days): the steps with their conversions, the
 * steps per day, and (for a manager of several stores) a row per store.
 */
export function FunnelView() {
  const { locale, r } = useRepI18n();
  const allStores = useRepSession((s) => s.role === 'manager' && s.storeId === null);
  const [span, setSpan] = useState<(typeof SPANS)[number]>(30);
  const [store, setStore] = useState<string | null>(null);
  const now = Date.now();
  const query = { from: cstDayBefore(now, span - 1), to: cstDayBefore(now, 0), ...(store ? { store } : {}) };
  const funnel = useApiQuery<Funnel>(JSON.stringify(query), () => repApi.funnel(query));

  return (
    <div className="rep-funnel" data-testid="rep-funnel">
      <div className="rep-filters">
        <div className="segmented" role="group" aria-label={r('funnel.period')}>
          {SPANS.map((n) => (
            <button key={n} type="button" className="segmented__option" aria-pressed={span === n} onClick={() => setSpan(n)}>
              {r('funnel.days', { n })}
            </button>
          ))}
        </div>
        {store && (
          <button type="button" className="rep-chip" aria-pressed onClick={() => setStore(null)}>
            {store} ✕
          </button>
        )}
      </div>
      {funnel.error ? (
        <p className="card rep-card rep-problem" role="alert">{r('funnel.error', { message: errorMessage(funnel.error) })}</p>
      ) : !funnel.data ? (
        <p className="card rep-card rep-muted">{r('funnel.loading')}</p>
      ) : (
        <>
          <div className="rep-funnel__charts">
            <section className="card rep-card">
              <FunnelSteps totals={funnel.data.total} locale={locale} />
            </section>
            <section className="card rep-card">
              <DailyFunnelChart from={funnel.data.from} to={funnel.data.to} rows={funnel.data.days} locale={locale} />
            </section>
          </div>
          {allStores && funnel.data.stores.length > 0 && (
            <section className="card rep-card rep-funnel__stores">
              <h2>{r('funnel.stores')}</h2>
              <div className="rep-table-scroll">
                <table className="rep-table" data-testid="funnel-stores">
                  <thead>
                    <tr>
                      <th scope="col">{r('detail.store')}</th>
                      {FUNNEL_STEPS.map((s) => (
                        <th key={s} scope="col">{funnelText(locale, `step.${s}`)}</th>
                      ))}
                      <th scope="col">{r('funnel.col.overall')}</th>
                      <th scope="col">{r('funnel.col.speed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {funnel.data.stores.map((s) => (
                      <tr key={s.storeId}>
                        <th scope="row">
                          <button type="button" className="rep-link" onClick={() => setStore(s.storeId)}>{s.storeId}</button>
                        </th>
                        {FUNNEL_STEPS.map((step) => (
                          <td key={step} className="tabular">{s[step]}</td>
                        ))}
                        <td className="tabular">{formatRatio(locale, s.conversion.overall)}</td>
                        <td className="tabular">{formatSpeed(locale, s.speedToLeadMinutesMedian)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
