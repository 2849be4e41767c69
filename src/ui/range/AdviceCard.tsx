import { useEffect } from 'react';
import { useAdviceStore } from '../../state/advice-store.ts';
import type { LineupEntry } from '../../state/lineup-store.ts';
import { scenarioWithOverrides } from '../../state/range-scenario.ts';
import { requestAdvice } from '../../state/range-sim.ts';
import { currentOverrides, useRangeStore } from '../../state/range-store.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';
import type { AdviceItem } from '../../state/sim-protocol.ts';
import { formatCelsius, formatKm, formatNumber, formatPercent } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';
import { FailureCard } from './FailureCard.tsx';

interface Props {
  entry: LineupEntry | undefined;
  preset: ScenarioPreset | undefined;
}

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

/**
 * What preconditioning, the heat pump, seat heating instead of cabin heat, and 10 km/h less on
 * the highway give back in the scenario on screen: each figure a pair of simulator runs in the
 * advice worker. Mounted only while its tab is open, so it costs nothing otherwise.
 */
export function AdviceCard({ entry, preset }: Props) {
  const { t, locale } = useI18n();
  // A string, so the selector's result is stable between renders when nothing changed.
  const key = useRangeStore((s) => JSON.stringify(currentOverrides(s)));
  const advice = useAdviceStore((s) => s.advice);
  const failure = useAdviceStore((s) => s.failure);
  const stale = useAdviceStore((s) => s.stale);
  const heatPump = entry?.status === 'ok' && entry.spec.hvac.heatPump;

  useEffect(() => {
    const overrides = currentOverrides(useRangeStore.getState());
    if (entry?.status !== 'ok' || !preset || !overrides) return;
    requestAdvice({
      vehicle: entry.raw,
      vehicleSource: entry.source,
      scenario: scenarioWithOverrides(preset, overrides),
      scenarioSource: preset.source,
    });
  }, [entry, preset, key]);

  if (failure) return <FailureCard title={t('range.error.sim')} failure={failure} />;

  const label = (a: AdviceItem): string => {
    switch (a.kind) {
      case 'precondition':
        return t('range.advice.precondition');
      case 'heat-pump':
        return t(heatPump ? 'range.advice.heatPump.has' : 'range.advice.heatPump.would');
      case 'seat-heating':
        return t('range.advice.seatHeating', { setpoint: formatCelsius(locale, a.setpointC ?? 0) });
      case 'slower':
        return t('range.advice.slower', { speed: t('unit.kmh', { value: formatNumber(locale, a.speedKmh ?? 0) }) });
    }
  };

  return (
    <div className="advice" data-stale={stale} aria-busy={stale}>
      <p className="picker__label">{t('range.advice.title')}</p>
      {advice === null ? (
        <div className="screen-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('range.computing')}
        </div>
      ) : advice.length === 0 ? (
        <p className="advice__none" data-testid="advice-none">
          {t('range.advice.none')}
        </p>
      ) : (
        <ul className="advice__list">
          {advice.map((a) => (
            <li
              key={a.kind}
              className={`advice__item${a.gainKm < 0 ? ' advice__item--cost' : ''}`}
              data-testid={`advice-${a.kind}`}
              data-gain-km={a.gainKm.toFixed(1)}
              data-range-km={a.rangeKm.toFixed(1)}
            >
              <span className="advice__label">{label(a)}</span>
              <span className="advice__gain tabular">
                <span className="advice__km" data-testid={`advice-${a.kind}-km`}>
                  {signed(formatKm(locale, a.gainKm), Math.round(a.gainKm))}
                </span>
                <span className="advice__pct" data-testid={`advice-${a.kind}-pct`}>
                  {signed(formatPercent(locale, a.gainPct / 100), Math.round(a.gainPct))}
                </span>
              </span>
              <span className="advice__to">
                {t('range.advice.to', { range: formatKm(locale, a.rangeKm) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="picker__note">{t('range.advice.note')}</p>
    </div>
  );
}
