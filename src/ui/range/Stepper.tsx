import { useI18n } from '../use-i18n.ts';

interface Props {
  id: string;
  label: string;
  value: number;
  /** The value as shown, with its unit ("22°C", "3 人"). */
  display: string;
  min: number;
  max: number;
  step: number;
  disabled?: boolean;
  onChange: (value: number) => void;
}

/** A big minus / value / plus control for one finger; the buttons stop at the bounds. */
export function Stepper({ id, label, value, display, min, max, step, disabled, onChange }: Props) {
  const { t } = useI18n();
  const go = (delta: number) => onChange(Math.min(max, Math.max(min, value + delta)));
  return (
    <div className="stepper" role="group" aria-labelledby={`${id}-label`} data-testid={id}>
      <span className="picker__label stepper__label" id={`${id}-label`}>
        {label}
      </span>
      <div className="stepper__row">
        <button
          type="button"
          className="stepper__btn"
          aria-label={t('range.stepper.less', { label })}
          disabled={disabled || value <= min}
          data-testid={`${id}-minus`}
          onClick={() => go(-step)}
        >
          −
        </button>
        <output className="stepper__value tabular" aria-live="polite" data-testid={`${id}-value`}>
          {display}
        </output>
        <button
          type="button"
          className="stepper__btn"
          aria-label={t('range.stepper.more', { label })}
          disabled={disabled || value >= max}
          data-testid={`${id}-plus`}
          onClick={() => go(step)}
        >
          +
        </button>
      </div>
    </div>
  );
}
