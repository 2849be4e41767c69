import type { PlanOption } from '../../plan/index.ts';
import type { VehicleSpec } from '../../sim/index.ts';
import { formatCnyCompact, formatRangeKm, reasonText } from './plan-format.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** The second trim when two are close, or the one the budget buys. */
export function AlternativeCard({ option, vehicle }: { option: PlanOption; vehicle: VehicleSpec | undefined }) {
  const { locale, n } = useNeedsI18n();
  return (
    <section className="plan-card alt card" aria-labelledby="alt-title" data-testid="plan-alternative" data-vehicle-id={option.vehicleId}>
      <p className="plan-card__kicker">{n('plan.alternative')}</p>
      <h2 id="alt-title" className="alt__name">
        {vehicle?.name[locale] ?? option.vehicleId}
      </h2>
      <p className="plan-card__note tabular">
        {n('plan.alternative.range', {
          range: formatRangeKm(locale, option.winter.rangeKm),
          price: vehicle?.priceCny !== undefined ? formatCnyCompact(locale, vehicle.priceCny) : '—',
        })}
      </p>
      {option.reasons.length > 0 && (
        <ul className="plan-reasons plan-reasons--small">
          {option.reasons.slice(0, 3).map((r) => (
            <li key={r.code} className={`plan-reason${r.code === 'over-budget' ? ' plan-reason--warn' : ''}`}>
              {reasonText(locale, r)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
