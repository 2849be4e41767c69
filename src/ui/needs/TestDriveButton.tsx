import type { Answers, Plan } from '../../plan/index.ts';
import { buildLeadDraft, useLeadDraft } from '../../state/lead-draft.ts';
import { leadChannel } from '../../state/lead-outbox.ts';
import { recordEvent, useSessionEvents } from '../../state/session-events.ts';
import { useNavStore } from '../../state/nav-store.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/**
 * "Leave your contact for a test drive": records the request as a behaviour event, keeps a lead
 * draft (answers, plan summary, tags, events) and opens the consent-first contact form, which
 * sends the draft with the customer's contact.
 *
 * On a phone that opened a share link, a lead can only reach a store with the store token the link
 * brought, until the expiry the server gave it; a link without one (an old link, or a kiosk that
 * was offline) or past it points to the showroom instead of taking a contact that could never be
 * delivered.
 */
export function TestDriveButton({ answers, plan }: { answers: Answers; plan: Plan }) {
  const { n } = useNeedsI18n();
  const fromLink = usePlanStore((s) => s.origin === 'link');
  if (leadChannel(Date.now(), fromLink).kind === 'closed') {
    return (
      <p className="test-drive test-drive__elsewhere" data-testid="plan-test-drive-elsewhere">
        {n('plan.testDrive.elsewhere')}
      </p>
    );
  }
  const request = () => {
    recordEvent('test-drive-requested');
    useLeadDraft.getState().keep(buildLeadDraft(answers, plan, useSessionEvents.getState().events));
    useNavStore.getState().go('contact');
  };
  return (
    <div className="test-drive">
      <button type="button" className="button button--primary test-drive__button" data-testid="plan-test-drive" onClick={request}>
        {n('plan.testDrive')}
      </button>
    </div>
  );
}
