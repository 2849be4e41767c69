import { useEffect, useRef } from 'react';
import { useLineupStore } from '../../state/lineup-store.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { recordEvent } from '../../state/session-events.ts';
import { DEFAULT_FUEL_L_PER_100KM } from '../../plan/costs.ts';
import { AlternativeCard } from './AlternativeCard.tsx';
import { AssumptionsCard } from './AssumptionsCard.tsx';
import { ChargingCard } from './ChargingCard.tsx';
import { CommuteCard } from './CommuteCard.tsx';
import { CostCard } from './CostCard.tsx';
import { PlanHero } from './PlanHero.tsx';
import { ShareCode } from './ShareCode.tsx';
import { TestDriveButton } from './TestDriveButton.tsx';
import { TestDrivesCard } from './TestDrivesCard.tsx';
import { usePlanComputation } from './use-plan-computation.ts';
import { leaveShareLink } from './use-share-link.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** The customer's plan: recommendation, commute range, charging, cost, test drives, share. */
export function PlanView() {
  const { n } = useNeedsI18n();
  const { current } = usePlanComputation();
  const { plan, planKey, failure, computing, answers, prices, origin } = usePlanStore();
  const entries = useLineupStore((s) => s.entries);
  const recorded = useRef<string | null>(null);

  useEffect(() => {
    if (current && plan && planKey && recorded.current !== planKey) {
      recorded.current = planKey;
      recordEvent('plan-viewed');
    }
  }, [current, plan, planKey]);

  const actions = (
    <div className="plan__actions">
      <button type="button" className="button" data-testid="plan-edit" onClick={() => (leaveShareLink(), usePlanStore.getState().editAnswers())}>
        {n('plan.edit')}
      </button>
      <button type="button" className="button button--ghost" data-testid="plan-restart" onClick={() => (leaveShareLink(), usePlanStore.getState().reset())}>
        {n('plan.restart')}
      </button>
    </div>
  );

  if (!current || !plan) {
    if (failure && !computing) {
      return (
        <div className="error-card" role="alert" data-testid="plan-error">
          <h2>{n('plan.error')}</h2>
          <p className="error-card__detail">{failure.kind === 'spec' ? `${failure.source} ${failure.field}: ${failure.detail}` : failure.message}</p>
          {actions}
        </div>
      );
    }
    return (
      <div className="screen-loading" role="status" data-testid="plan-computing">
        <span className="spinner" aria-hidden="true" />
        {n('plan.computing')}
      </div>
    );
  }

  const spec = (id: string) => entries.flatMap((e) => (e.status === 'ok' && e.id === id ? [e.spec] : []))[0];
  const rec = plan.recommended;
  return (
    <section className="plan" aria-labelledby="plan-title" data-testid="plan" data-computing={computing}>
      <header className="plan__head">
        <h1 id="plan-title" className="plan__title">
          {n('plan.title')}
        </h1>
        {actions}
      </header>
      <div className="plan__col plan__col--a">
        <PlanHero option={rec} vehicle={spec(rec.vehicleId)} />
        <TestDrivesCard drives={rec.testDrives} />
        {plan.alternative && <AlternativeCard option={plan.alternative} vehicle={spec(plan.alternative.vehicleId)} />}
        <AssumptionsCard plan={plan} answers={answers} />
      </div>
      <div className="plan__col plan__col--b">
        <CommuteCard plan={plan} option={rec} />
        <ChargingCard charging={rec.charging} />
      </div>
      <div className="plan__col plan__col--c">
        <section className="plan-card cta card">
          <TestDriveButton answers={answers} plan={plan} />
        </section>
        {origin === 'kiosk' && <ShareCode answers={answers} />}
        <CostCard
          cost={rec.cost}
          fuelLPer100km={answers.fuelLPer100km ?? DEFAULT_FUEL_L_PER_100KM}
          prices={prices}
          onPrices={(p) => usePlanStore.getState().setPrices(p)}
          computing={computing}
        />
      </div>
    </section>
  );
}
