import { formatKm } from '../../i18n/index.ts';
import { REGIONS, type Answers, type Plan } from '../../plan/index.ts';
import { DEFAULT_FUEL_L_PER_100KM } from '../../plan/costs.ts';
import { assumptions } from './assumptions.ts';
import { formatLPer100km } from './plan-format.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** What the plan assumed for the questions the customer skipped, stated plainly. */
export function AssumptionsCard({ plan, answers }: { plan: Plan; answers: Answers }) {
  const { locale, n } = useNeedsI18n();
  const list = assumptions(plan, answers);
  if (list.length === 0) return null;
  const region = REGIONS[plan.region];
  const text = {
    region: () => n('assumed.region', { city: locale === 'en' ? region.en : region.zh }),
    dailyKm: () => n('assumed.dailyKm', { km: formatKm(locale, plan.dailyKm) }),
    yearlyKm: () => n('assumed.yearlyKm', { km: formatKm(locale, plan.recommended.cost.yearlyKm) }),
    fuelLPer100km: () => n('assumed.fuelLPer100km', { fuel: formatLPer100km(locale, answers.fuelLPer100km ?? DEFAULT_FUEL_L_PER_100KM) }),
    charging: () => n('assumed.charging'),
  };
  return (
    <section className="plan-card assumed card" aria-labelledby="assumed-title" data-testid="plan-assumed">
      <h2 id="assumed-title" className="plan-card__subtitle">
        {n('plan.assumed')}
      </h2>
      <ul className="assumed__list">
        {list.map((a) => (
          <li key={a} data-assumed={a}>
            {text[a]()}
          </li>
        ))}
      </ul>
    </section>
  );
}
