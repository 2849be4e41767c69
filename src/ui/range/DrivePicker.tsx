import { SPEED_MAX_KMH, SPEED_MIN_KMH, type DriveChoice } from '../../state/range-scenario.ts';
import { useRangeStore } from '../../state/range-store.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';

const HIGHWAY_KMH = [90, 110, 120] as const;

type Option = { key: string; label: MessageKey; drive: DriveChoice };

const OPTIONS: Option[] = [
  { key: 'city', label: 'range.drive.city', drive: { cycle: 'CLTC-P' } },
  { key: 'mixed', label: 'range.drive.mixed', drive: { cycle: 'WLTC' } },
];

const sameDrive = (a: DriveChoice | null, b: DriveChoice) => JSON.stringify(a) === JSON.stringify(b);

/**
 * City (CLTC-P), mixed (WLTC), highway at 90/110/120 km/h, or any steady speed on the slider
 * below (30..150 km/h in 5 km/h steps; every step asks the simulator, coalesced).
 */
export function DrivePicker() {
  const { t, locale } = useI18n();
  const drive = useRangeStore((s) => s.drive);
  const setLoad = useRangeStore((s) => s.setLoad);
  const speedKmh = drive && 'constantSpeedKmh' in drive ? drive.constantSpeedKmh : null;
  const custom = speedKmh !== null && !(HIGHWAY_KMH as readonly number[]).includes(speedKmh);
  const kmh = (v: number) => t('unit.kmh', { value: formatNumber(locale, v) });
  return (
    <div className="drive">
      <span className="picker__label" id="drive-label">
        {t('range.drive')}
      </span>
      <div className="segmented segmented--wrap" role="group" aria-labelledby="drive-label">
        {OPTIONS.map((o) => (
          <button
            key={o.key}
            type="button"
            className="segmented__option"
            aria-pressed={sameDrive(drive, o.drive)}
            data-testid={`drive-${o.key}`}
            onClick={() => setLoad({ drive: o.drive })}
          >
            {t(o.label)}
          </button>
        ))}
        {HIGHWAY_KMH.map((v) => (
          <button
            key={v}
            type="button"
            className="segmented__option"
            aria-pressed={speedKmh === v}
            data-testid={`drive-${v}`}
            onClick={() => setLoad({ drive: { constantSpeedKmh: v } })}
          >
            {kmh(v)}
          </button>
        ))}
        <button
          type="button"
          className="segmented__option"
          aria-pressed={custom}
          data-testid="drive-custom"
          onClick={() => setLoad({ drive: { constantSpeedKmh: speedKmh ?? 80 } })}
        >
          {t('range.drive.custom')}
        </button>
      </div>
      <div className="drive__speed" hidden={speedKmh === null}>
        <label htmlFor="speed" className="visually-hidden">
          {t('range.drive.speed')}
        </label>
        <input
          id="speed"
          className="drive__slider"
          type="range"
          min={SPEED_MIN_KMH}
          max={SPEED_MAX_KMH}
          step={5}
          value={speedKmh ?? 100}
          aria-valuetext={kmh(speedKmh ?? 100)}
          data-testid="speed-slider"
          onChange={(e) => setLoad({ drive: { constantSpeedKmh: Number(e.currentTarget.value) } })}
        />
        <output htmlFor="speed" className="drive__value tabular" data-testid="speed-value">
          {kmh(speedKmh ?? 100)}
        </output>
      </div>
    </div>
  );
}
