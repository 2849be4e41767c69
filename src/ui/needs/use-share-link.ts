import { useEffect } from 'react';
import { linkTokenFromParams, saveLinkToken } from '../../leads/link-token.ts';
import { PLAN_ROUTE } from '../../plan/index.ts';
import { usePlanStore } from '../../state/plan-store.ts';

/** The share token in a hash like `#/plan?a=<token>`, '' when the link has none, null when it is no plan link. */
export function shareToken(hash: string): string | null {
  if (hash !== PLAN_ROUTE && !hash.startsWith(`${PLAN_ROUTE}?`)) return null;
  return new URLSearchParams(hash.slice(PLAN_ROUTE.length + 1)).get('a') ?? '';
}

/** Opens the plan of a share link when the page is (or becomes) `#/plan?a=<token>`. */
export function useShareLink(): void {
  useEffect(() => {
    const apply = () => {
      const token = shareToken(location.hash);
      if (token === null) return;
      // The store token the kiosk added, with the expiry the server gave it: kept for the lead
      // outbox, then taken out of the address bar (a reload finds it in storage). A token without
      // an expiry (a link from an older kiosk, or a damaged one) is not kept: the phone could not
      // tell when it stops working.
      const params = new URLSearchParams(location.hash.slice(PLAN_ROUTE.length + 1));
      if (params.has('k') || params.has('x')) {
        const storeToken = linkTokenFromParams(params);
        if (storeToken) saveLinkToken(storeToken);
        history.replaceState(null, '', `${location.pathname}${location.search}${PLAN_ROUTE}?a=${token}`);
      }
      usePlanStore.getState().openLink(token);
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);
}

/** Leaves a share link's URL (the customer edits or starts over): the hash becomes `#/needs`. */
export function leaveShareLink(): void {
  if (shareToken(location.hash) !== null) history.replaceState(null, '', `${location.pathname}${location.search}#/needs`);
}
