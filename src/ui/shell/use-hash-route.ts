import { useEffect } from 'react';
import { findScreen } from '../screens.tsx';
import { useNavStore } from '../../state/nav-store.ts';

/** Hashes that open a screen under another name: the share link `#/plan?a=<token>` opens `needs`. */
const ALIASES: Record<string, string> = { plan: 'needs' };

function screenFromHash(hash: string): string | null {
  const path = hash.replace(/^#\/?/, '').split('?')[0]!;
  const id = ALIASES[path] ?? path;
  return id && findScreen(id) ? id : null;
}

/**
 * Keeps the URL hash (`#/range`) and the nav store in step, so a rep can bookmark a screen and
 * tests can open one directly. The store stays the source of truth.
 */
export function useHashRoute(): void {
  const screenId = useNavStore((s) => s.screenId);

  useEffect(() => {
    const apply = () => {
      const id = screenFromHash(location.hash);
      if (id) useNavStore.getState().go(id);
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);

  useEffect(() => {
    // The store's value, not this render's: on the first render the hash was applied just above.
    // A hash that already opens this screen stays, so a share link keeps its token.
    const current = useNavStore.getState().screenId;
    if (screenFromHash(location.hash) !== current) {
      history.replaceState(null, '', `${location.pathname}${location.search}#/${current}`);
    }
  }, [screenId]);
}
