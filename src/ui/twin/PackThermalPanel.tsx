import { useEffect, useState } from 'react';
import { formatCelsius } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/messages.ts';
import { simulate } from '../../sim/index.ts';
import { presetCatalogue } from '../../state/scenario-presets.ts';
import { useRangeStore } from '../../state/range-store.ts';
import { cellTemperatureColor } from '../../scene/pack-tint';
import { loadVehicleSpec } from './load-bundle';
import { twinText } from './messages';
import { useTwinStore, type PackThermal } from './twin-store';

/** Scenarios offered beside the range lab's own: a northern winter to a southern summer. */
const OFFERED = ['harbin-winter-city', 'beijing-winter-mixed', 'shanghai-winter-mixed', 'guangzhou-summer-city'];

interface Temps {
  startC: number;
  endC: number;
  hours: number;
}

/**
 * The pack at its simulated cell temperature: pick a scenario (the range lab's current one first),
 * see the cells at departure and after the drive. One simulator run per choice, not per frame.
 */
export function PackThermalPanel({ vehicleId, locale }: { vehicleId: string; locale: Locale }) {
  const thermal = useTwinStore((s) => s.packThermal);
  const setPackThermal = useTwinStore((s) => s.setPackThermal);
  const rangePreset = useRangeStore((s) => s.presetId);
  const [temps, setTemps] = useState<Temps | null>(null);
  const offered = [...new Set([...(rangePreset ? [rangePreset] : []), ...OFFERED])]
    .map((id) => presetCatalogue.presets.find((p) => p.id === id))
    .filter((p) => p !== undefined);

  useEffect(() => {
    setTemps(null);
    if (!thermal) return;
    const preset = presetCatalogue.presets.find((p) => p.id === thermal.presetId);
    if (!preset) return;
    let cancelled = false;
    loadVehicleSpec(vehicleId)
      .then((spec) => {
        if (cancelled) return;
        const r = simulate(spec, preset.scenario);
        const t = { startC: r.battery.startC, endC: r.battery.endC, hours: r.durationH };
        setTemps(t);
        useTwinStore.setState({ packTempC: thermal.phase === 'departure' ? t.startC : t.endC });
      })
      .catch(() => {
        if (!cancelled) setPackThermal(null);
      });
    return () => {
      cancelled = true;
    };
  }, [vehicleId, thermal, setPackThermal]);

  const choose = (next: PackThermal | null) => setPackThermal(next);
  const shownC = temps && thermal ? (thermal.phase === 'departure' ? temps.startC : temps.endC) : null;
  const name = (id: string) => {
    const raw = presetCatalogue.presets.find((p) => p.id === id)?.scenario.name;
    return raw?.[locale] ?? id;
  };
  const deg = (c: number) => formatCelsius(locale, Math.round(c));

  return (
    <section className="twin-thermal" aria-label={twinText(locale, 'thermal.title')} data-testid="pack-thermal">
      <div className="twin-thermal__row" role="group" aria-label={twinText(locale, 'thermal.title')}>
        <span className="twin-thermal__title">{twinText(locale, 'thermal.title')}</span>
        {offered.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={thermal?.presetId === p.id}
            data-thermal-preset={p.id}
            onClick={() => choose(thermal?.presetId === p.id ? null : { presetId: p.id, phase: thermal?.phase ?? 'departure' })}
          >
            {name(p.id)}
          </button>
        ))}
      </div>
      {thermal && (
        <div className="twin-thermal__row" role="group" aria-label={twinText(locale, 'thermal.title')}>
          {(['departure', 'after'] as const).map((phase) => (
            <button key={phase} type="button" aria-pressed={thermal.phase === phase} data-thermal-phase={phase} onClick={() => choose({ ...thermal, phase })}>
              {twinText(locale, phase === 'departure' ? 'thermal.departure' : 'thermal.after')}
            </button>
          ))}
          {temps && shownC !== null && (
            <p className="twin-thermal__legend" data-testid="pack-thermal-legend" data-cell-c={shownC.toFixed(2)}>
              <span className="twin-thermal__swatch" style={{ background: `#${cellTemperatureColor(shownC).getHexString()}` }} aria-hidden="true" />
              {twinText(locale, 'thermal.legend', {
                scenario: name(thermal.presetId),
                start: deg(temps.startC),
                end: deg(temps.endC),
                hours: temps.hours.toFixed(1),
              })}
              {' · '}
              {twinText(locale, shownC < 10 ? 'thermal.cold' : shownC > 35 ? 'thermal.hot' : 'thermal.ok')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
