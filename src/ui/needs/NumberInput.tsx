import { formatKm } from '../../i18n/index.ts';
import { formatCnyCompact, formatLPer100km } from './plan-format.ts';
import { clampToField, type NumberField } from './questions.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

interface Props {
  field: NumberField;
  /** The recorded answer, or undefined while the card shows its starting value. */
  value: number | undefined;
  onChange: (value: number) => void;
  /** Names the slider when the field has no label of its own (the card's question). */
  fallbackLabel?: string;
}

/** A big value, a thick slider and two large steppers: usable with one finger at arm's length. */
export function NumberInput({ field, value, onChange, fallbackLabel }: Props) {
  const { locale, n } = useNeedsI18n();
  const shown = value ?? field.initial;
  const format = (v: number) =>
    field.format === 'km' ? formatKm(locale, v) : field.format === 'cny' ? formatCnyCompact(locale, v) : formatLPer100km(locale, v);
  const id = `needs-${field.key}`;
  const label = field.labelKey ? n(field.labelKey) : undefined;
  return (
    <div className="number" data-answered={value !== undefined}>
      {label && (
        <label className="number__label" htmlFor={id}>
          {label}
        </label>
      )}
      <output className="number__value tabular" htmlFor={id} data-testid={`value-${field.key}`}>
        {format(shown)}
      </output>
      <div className="number__row">
        <button
          type="button"
          className="stepper"
          aria-label={`${n('stepper.less')}${label ? ` · ${label}` : ''}`}
          data-testid={`less-${field.key}`}
          disabled={shown <= field.min}
          onClick={() => onChange(clampToField(field, shown - field.step))}
        >
          −
        </button>
        <input
          id={id}
          className="number__slider"
          type="range"
          min={field.min}
          max={field.max}
          step={field.step}
          value={shown}
          aria-label={label ?? fallbackLabel}
          aria-valuetext={format(shown)}
          data-testid={`slider-${field.key}`}
          onChange={(e) => onChange(clampToField(field, Number(e.currentTarget.value)))}
        />
        <button
          type="button"
          className="stepper"
          aria-label={`${n('stepper.more')}${label ? ` · ${label}` : ''}`}
          data-testid={`more-${field.key}`}
          disabled={shown >= field.max}
          onClick={() => onChange(clampToField(field, shown + field.step))}
        >
          +
        </button>
      </div>
      <div className="number__scale tabular" aria-hidden="true">
        <span>{format(field.min)}</span>
        <span>{format(field.max)}</span>
      </div>
    </div>
  );
}
