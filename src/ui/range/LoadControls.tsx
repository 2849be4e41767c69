import {
  LUGGAGE_MAX_KG,
  PEOPLE_MAX,
  PEOPLE_MIN,
  SETPOINT_MAX_C,
  SETPOINT_MIN_C,
} from '../../state/range-scenario.ts';
import { useRangeStore } from '../../state/range-store.ts';
import { formatCelsius, formatNumber } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../use-i18n.ts';
import { Stepper } from './Stepper.tsx';

function Switch({ id, label, on, onChange }: { id: string; label: MessageKey; on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="switch"
      role="switch"
      aria-checked={on}
      data-testid={id}
      onClick={() => onChange(!on)}
    >
      <span className="switch__track" aria-hidden="true" />
      <span>{t(label)}</span>
    </button>
  );
}

/**
 * Cabin and load: setpoint (with climate on), seat heating, people aboard (each 75 kg and a body
 * in the cabin), luggage, preconditioning on the charger. Each overrides the preset.
 */
export function LoadControls() {
  const { t, locale } = useI18n();
  const climateOn = useRangeStore((s) => s.climateOn) ?? false;
  const setpointC = useRangeStore((s) => s.setpointC) ?? 22;
  const seatHeating = useRangeStore((s) => s.seatHeating) ?? false;
  const people = useRangeStore((s) => s.people) ?? 1;
  const luggageKg = useRangeStore((s) => s.luggageKg) ?? 0;
  const preconditioned = useRangeStore((s) => s.preconditioned) ?? false;
  const setLoad = useRangeStore((s) => s.setLoad);
  return (
    <div className="load">
      <Stepper
        id="setpoint"
        label={t('range.setpoint')}
        value={setpointC}
        display={climateOn ? formatCelsius(locale, setpointC) : t('range.climate.off')}
        min={SETPOINT_MIN_C}
        max={SETPOINT_MAX_C}
        step={1}
        disabled={!climateOn}
        onChange={(v) => setLoad({ setpointC: v })}
      />
      <Stepper
        id="people"
        label={t('range.people')}
        value={people}
        display={t('range.people.value', { count: formatNumber(locale, people) })}
        min={PEOPLE_MIN}
        max={PEOPLE_MAX}
        step={1}
        onChange={(v) => setLoad({ people: v })}
      />
      <Stepper
        id="luggage"
        label={t('range.luggage')}
        value={luggageKg}
        display={t('unit.kg', { value: formatNumber(locale, luggageKg) })}
        min={0}
        max={LUGGAGE_MAX_KG}
        step={25}
        onChange={(v) => setLoad({ luggageKg: v })}
      />
      <div className="load__switches">
        <Switch id="seat-heating" label="range.seatHeating" on={seatHeating} onChange={(v) => setLoad({ seatHeating: v })} />
        <Switch id="preconditioned" label="range.preconditioned" on={preconditioned} onChange={(v) => setLoad({ preconditioned: v })} />
      </div>
    </div>
  );
}
