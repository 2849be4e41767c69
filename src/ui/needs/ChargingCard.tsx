import { formatNumber } from '../../i18n/index.ts';
import type { ChargingPlan } from '../../plan/index.ts';
import { formatDuration, formatKw } from './plan-format.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** Where, how often and how long this customer would charge. */
export function ChargingCard({ charging }: { charging: ChargingPlan }) {
  const { locale, n } = useNeedsI18n();
  const duration = formatDuration(locale, charging.sessionMinutes);
  return (
    <section className="plan-card charging card" aria-labelledby="charging-title" data-mode={charging.mode}>
      <h2 id="charging-title" className="plan-card__title">
        {n('plan.charging')}
      </h2>
      <p className="charging__mode" data-testid="plan-charging-mode">
        {n(`charging.${charging.mode}`, { kw: formatKw(locale, charging.powerKw) })}
      </p>
      <p className="charging__sessions tabular">
        {charging.sessionsPerWeek === 1
          ? n('charging.sessions.one', { duration })
          : n('charging.sessions', { n: formatNumber(locale, charging.sessionsPerWeek), duration })}
      </p>
      {charging.offPeak && <p className="plan-card__note">{n('charging.offPeak')}</p>}
    </section>
  );
}
