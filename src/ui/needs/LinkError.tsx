import { usePlanStore } from '../../state/plan-store.ts';
import { leaveShareLink } from './use-share-link.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** A share link whose answers cannot be read: say so, and offer the questionnaire. */
export function LinkError() {
  const { n } = useNeedsI18n();
  return (
    <div className="error-card" role="alert" data-testid="plan-link-error">
      <h2>{n('link.error.title')}</h2>
      <p>{n('link.error.body')}</p>
      <button type="button" className="button button--primary" onClick={() => (leaveShareLink(), usePlanStore.getState().reset())}>
        {n('link.error.start')}
      </button>
    </div>
  );
}
