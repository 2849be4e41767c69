import { useState } from 'react';
import type { Answers, Plan } from '../../plan/index.ts';
import { buildLeadDraft, useLeadDraft } from '../../state/lead-draft.ts';
import { recordEvent, useSessionEvents } from '../../state/session-events.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/**
 * "Leave your contact for a test drive": records the request as a behaviour event and keeps a lead
 * draft (answers, plan summary, tags, events) for the lead-capture form. There is no form yet, so
 * nothing is sent and the customer is not told it was: they are asked to see a consultant.
 */
export function TestDriveButton({ answers, plan }: { answers: Answers; plan: Plan }) {
  const { n } = useNeedsI18n();
  const [asked, setAsked] = useState(false);
  const request = () => {
    recordEvent('test-drive-requested');
    useLeadDraft.getState().keep(buildLeadDraft(answers, plan, useSessionEvents.getState().events));
    setAsked(true);
  };
  return (
    <div className="test-drive">
      <button type="button" className="button button--primary test-drive__button" data-testid="plan-test-drive" onClick={request}>
        {n('plan.testDrive')}
      </button>
      <p className="test-drive__status" role="status" data-testid="plan-test-drive-status">
        {asked ? n('plan.testDrive.ask') : ''}
      </p>
    </div>
  );
}
