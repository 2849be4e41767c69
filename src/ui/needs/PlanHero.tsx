import type { PlanOption } from '../../plan/index.ts';
import type { VehicleSpec } from '../../sim/index.ts';
import { formatCnyCompact, reasonText } from './plan-format.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** The recommended trim: name, price and the reasons it fits this customer. */
export function PlanHero({ option, vehicle }: { option: PlanOption; vehicle: VehicleSpec | undefined }) {
  const { locale, n } = useNeedsI18n();
  return (
    <section className="plan-card plan-hero card" aria-labelledby="plan-hero-name" data-testid="plan-recommended" data-vehicle-id={option.vehicleId}>
      <p className="plan-card__kicker">{n('plan.recommended')}</p>
      <h2 id="plan-hero-name" className="plan-hero__name" data-testid="plan-vehicle-name">
        {vehicle?.name[locale] ?? option.vehicleId}
      </h2>
      {vehicle?.priceCny !== undefined && (
        <p className="plan-hero__price tabular">{n('plan.price', { price: formatCnyCompact(locale, vehicle.priceCny) })}</p>
      )}
      <h3 className="plan-card__subtitle">{n('plan.reasons')}</h3>
      <ul className="plan-reasons" data-testid="plan-reasons">
        {option.reasons.map((r) => (
          <li key={r.code} className={`plan-reason${r.code === 'over-budget' ? ' plan-reason--warn' : ''}`} data-code={r.code}>
            {reasonText(locale, r)}
          </li>
        ))}
      </ul>
    </section>
  );
}
