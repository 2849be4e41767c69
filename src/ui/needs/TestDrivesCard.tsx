import type { TestDrive } from '../../plan/index.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** The test-drive scenarios worth trying for this customer. */
export function TestDrivesCard({ drives }: { drives: TestDrive[] }) {
  const { n } = useNeedsI18n();
  return (
    <section className="plan-card drives card" aria-labelledby="drives-title">
      <h2 id="drives-title" className="plan-card__title">
        {n('plan.testDrives')}
      </h2>
      <ol className="drives__list" data-testid="plan-test-drives">
        {drives.map((d) => (
          <li key={d} data-drive={d}>
            {n(`td.${d}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
