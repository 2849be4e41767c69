import { useEffect } from 'react';
import { useLineupStore } from '../../state/lineup-store.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { LinkError } from './LinkError.tsx';
import { PlanView } from './PlanView.tsx';
import { Questionnaire } from './Questionnaire.tsx';
import { useShareLink } from './use-share-link.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';
import './needs.css';

/** Needs diagnosis: questionnaire, then the customer's plan; also what a share link opens. */
export function NeedsScreen() {
  const { n } = useNeedsI18n();
  useShareLink();
  const lineup = useLineupStore();
  const phase = usePlanStore((s) => s.phase);
  useEffect(() => {
    if (useLineupStore.getState().status === 'idle') void useLineupStore.getState().load();
  }, []);

  if (phase === 'link-error') return <LinkError />;
  if (phase === 'questions') return <Questionnaire />;
  if (lineup.status === 'error') {
    return (
      <div className="error-card" role="alert">
        <h2>{n('lineup.error')}</h2>
        <button type="button" className="button" onClick={() => void useLineupStore.getState().load()}>
          {n('retry')}
        </button>
      </div>
    );
  }
  if (lineup.status !== 'ready') {
    return (
      <div className="screen-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {n('lineup.loading')}
      </div>
    );
  }
  return <PlanView />;
}
