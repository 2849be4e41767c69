import { useEffect } from 'react';
import type { LineupEntry } from '../../state/lineup-store.ts';
import { noteRangeShown } from '../../state/range-events.ts';
import { useRangeStore } from '../../state/range-store.ts';
import { useCurveStore } from '../../state/curve-store.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';
import { FailureCard } from './FailureCard.tsx';
import { RangeGauge } from './RangeGauge.tsx';
import { BreakdownChart } from './BreakdownChart.tsx';

/** The result side: range against CLTC, consumption, breakdown; or why there is none. */
export function RangeResultPanel({ entry }: { entry: LineupEntry | undefined }) {
  const { t, locale } = useI18n();
  const result = useRangeStore((s) => s.result);
  const failure = useRangeStore((s) => s.failure);
  const computing = useRangeStore((s) => s.computing);
  const reference = useCurveStore((s) => s.curve?.referenceBreakdownKwhPer100km ?? null);
  useEffect(() => {
    const ambientC = useRangeStore.getState().ambientC;
    if (result && !computing && ambientC !== null) noteRangeShown(ambientC);
  }, [result, computing]);

  if (entry?.status === 'error') {
    return (
      <div className="range__result">
        <FailureCard title={t('range.error.vehicle')} failure={entry.failure} />
      </div>
    );
  }
  if (failure) {
    return (
      <div className="range__result">
        <FailureCard title={t('range.error.sim')} failure={failure} />
      </div>
    );
  }
  if (!result || !entry) {
    return (
      <div className="range__result card screen-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('range.computing')}
      </div>
    );
  }

  const kwh = (v: number) => t('unit.kwhPer100km', { value: formatNumber(locale, v, 1) });
  return (
    <div className="range__result" aria-busy={computing} data-computing={computing}>
      <div className="card range__hero">
        <RangeGauge rangeKm={result.rangeKm} ratedKm={entry.spec.rated?.cltcKm} />
        <dl className="stats">
          <div className="stat">
            <dt>{t('range.battery')}</dt>
            <dd className="tabular" data-testid="battery-consumption">
              {kwh(result.batteryKwhPer100km)}
            </dd>
          </div>
          <div className="stat">
            <dt>{t('range.wall')}</dt>
            <dd className="tabular" data-testid="wall-consumption">
              {kwh(result.wallKwhPer100km)}
            </dd>
          </div>
          <div className="stat">
            <dt>{t('range.pack')}</dt>
            <dd>
              {t('range.usable', { kwh: t('unit.kwh', { value: formatNumber(locale, entry.spec.battery.usableKwh, 1) }) })}
              {' · '}
              {entry.spec.battery.chemistry}
            </dd>
          </div>
        </dl>
        <span className="computing-badge" hidden={!computing}>
          {t('range.computing')}
        </span>
      </div>
      <div className="card range__breakdown">
        <h2 className="card__title">{t('range.breakdown')}</h2>
        <BreakdownChart
          breakdown={result.breakdownKwhPer100km}
          totalKwhPer100km={result.batteryKwhPer100km}
          reference={reference}
        />
      </div>
    </div>
  );
}
