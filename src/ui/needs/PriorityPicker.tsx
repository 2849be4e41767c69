import { formatNumber } from '../../i18n/index.ts';
import { PRIORITIES, type Priority } from '../../plan/index.ts';
import { togglePriority } from './questions.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

interface Props {
  value: Priority[] | undefined;
  onChange: (value: Priority[] | undefined) => void;
}

/** Four large tiles tapped in order of importance; each shows its rank. */
export function PriorityPicker({ value, onChange }: Props) {
  const { locale, n } = useNeedsI18n();
  const order = value ?? [];
  return (
    <div className="priorities">
      <div className="priorities__list">
        {PRIORITIES.map((p) => {
          const rank = order.indexOf(p);
          return (
            <button
              key={p}
              type="button"
              className="priority"
              aria-pressed={rank >= 0}
              data-testid={`priority-${p}`}
              onClick={() => {
                const next = togglePriority(order, p);
                onChange(next.length > 0 ? next : undefined);
              }}
            >
              <span className="priority__rank tabular" aria-hidden={rank < 0}>
                {rank >= 0 ? formatNumber(locale, rank + 1) : ''}
              </span>
              <span className="priority__label">{n(`priority.${p}`)}</span>
            </button>
          );
        })}
      </div>
      <button type="button" className="needs-link" hidden={order.length === 0} onClick={() => onChange(undefined)}>
        {n('q.priorities.clear')}
      </button>
    </div>
  );
}
