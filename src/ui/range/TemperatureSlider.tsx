import type { ReactNode } from 'react';
import { AMBIENT_MAX_C, AMBIENT_MIN_C } from '../../state/range-scenario.ts';
import { useRangeStore } from '../../state/range-store.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';
import { formatCelsius } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';

/** Scale labels under the slider, placed on the slider's value scale (see .temp__scale). */
const SCALE_C = [-30, -15, 0, 15, 30, 45];

interface Props {
  preset: ScenarioPreset | undefined;
  /** Drawn between the heading and the slider, on the slider's x scale (the range curve). */
  chart?: ReactNode;
  /** Placed at the end of the heading row (the climate switch). */
  aside?: ReactNode;
}

/** Ambient temperature, -30..45 °C in whole degrees; every step asks the simulator. */
export function TemperatureSlider({ preset, chart, aside }: Props) {
  const { t, locale } = useI18n();
  const ambientC = useRangeStore((s) => s.ambientC) ?? 0;
  const setAmbientC = useRangeStore((s) => s.setAmbientC);
  const presetC = preset?.scenario.ambientC;
  return (
    <div className="temp">
      <div className="temp__head">
        <div className="temp__title">
          <label htmlFor="ambient" className="picker__label">
            {t('range.temperature')}
          </label>
          <output htmlFor="ambient" className="temp__value tabular" data-testid="ambient-value">
            {formatCelsius(locale, ambientC)}
          </output>
          {presetC !== undefined && (
            // Always laid out, hidden when unused, so nothing around it jumps.
            <button
              type="button"
              className="link-button"
              hidden={presetC === ambientC}
              onClick={() => setAmbientC(presetC)}
            >
              {t('range.temperatureReset', { value: formatCelsius(locale, presetC) })}
            </button>
          )}
        </div>
        {aside}
      </div>
      {chart}
      <input
        id="ambient"
        className="temp__slider"
        type="range"
        min={AMBIENT_MIN_C}
        max={AMBIENT_MAX_C}
        step={1}
        value={ambientC}
        aria-valuetext={formatCelsius(locale, ambientC)}
        data-testid="ambient-slider"
        onChange={(e) => setAmbientC(Number(e.currentTarget.value))}
      />
      <div className="temp__scale tabular" aria-hidden="true">
        {SCALE_C.map((c) => (
          <span key={c} style={{ ['--at' as string]: (c - AMBIENT_MIN_C) / (AMBIENT_MAX_C - AMBIENT_MIN_C) }}>
            {formatCelsius(locale, c)}
          </span>
        ))}
      </div>
    </div>
  );
}
