export interface Choice<T> {
  value: T;
  label: string;
  /** A second, smaller line (a temperature under a city). */
  note?: string;
}

interface Props<T> {
  label?: string;
  choices: Choice<T>[];
  value: T | undefined;
  /** Called with undefined when the chosen chip is tapped again (un-answer). */
  onChange: (value: T | undefined) => void;
  testId: string;
  variant?: 'wide' | 'grid';
}

/** Large single-choice chips; tapping the chosen one again clears the answer. */
export function ChoiceGroup<T extends string | boolean>({ label, choices, value, onChange, testId, variant = 'wide' }: Props<T>) {
  return (
    <fieldset className="choices">
      {label && <legend className="choices__label">{label}</legend>}
      <div className={`choices__list choices__list--${variant}`}>
        {choices.map((c) => (
          <button
            key={String(c.value)}
            type="button"
            className="choice"
            aria-pressed={c.value === value}
            data-testid={`${testId}-${String(c.value)}`}
            onClick={() => onChange(c.value === value ? undefined : c.value)}
          >
            <span className="choice__label">{c.label}</span>
            {c.note && <span className="choice__note tabular">{c.note}</span>}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
