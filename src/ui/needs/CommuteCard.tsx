import { formatCelsius, kmParts } from '../../i18n/index.ts';
import { REGIONS, type CommuteFigures, type Plan, type PlanOption } from '../../plan/index.ts';
import { daysText, displayKm, formatRangeKm, formatSpeed } from './plan-format.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** Highway speed of the plan's winter trip figure (src/plan/commute.ts). */
const TRIP_SPEED_KMH = 110;

function Season({ season, figures }: { season: 'winter' | 'summer'; figures: CommuteFigures }) {
  const { locale, n } = useNeedsI18n();
  const { value, unit } = kmParts(locale, displayKm(figures.rangeKm));
  return (
    <div className={`season season--${season}`} data-testid={`plan-${season}`} data-range-km={displayKm(figures.rangeKm)}>
      <p className="season__label">{n(season === 'winter' ? 'plan.winter' : 'plan.summer', { temp: formatCelsius(locale, figures.ambientC) })}</p>
      <p className="season__range">
        <span className="season__value tabular" data-testid={`plan-${season}-km`}>
          {value}
        </span>
        <span className="season__unit">{unit}</span>
      </p>
      <p className="season__days">{daysText(locale, figures.daysBetweenCharges)}</p>
    </div>
  );
}

/** Range for this customer's commute in their city's winter and summer, and how often to charge. */
export function CommuteCard({ plan, option }: { plan: Plan; option: PlanOption }) {
  const { locale, n } = useNeedsI18n();
  const region = REGIONS[plan.region];
  return (
    <section className="plan-card commute card" aria-labelledby="commute-title">
      <h2 id="commute-title" className="plan-card__title">
        {n('plan.commute')}
      </h2>
      <p className="plan-card__note">
        {n('plan.commute.sub', { city: locale === 'en' ? region.en : region.zh, km: formatRangeKm(locale, plan.dailyKm) })} · {n('plan.rangeLabel')}
      </p>
      <div className="commute__seasons">
        <Season season="winter" figures={option.winter} />
        <Season season="summer" figures={option.summer} />
      </div>
      <ul className="commute__extra">
        {option.winterPreconditioned && (
          <li data-testid="plan-preconditioned">{n('plan.preconditioned', { range: formatRangeKm(locale, option.winterPreconditioned.rangeKm) })}</li>
        )}
        <li>{n('plan.trip', { speed: formatSpeed(locale, TRIP_SPEED_KMH), range: formatRangeKm(locale, option.winterTripKm) })}</li>
      </ul>
      <p className="plan-card__fine">{n('plan.simNote')}</p>
    </section>
  );
}
