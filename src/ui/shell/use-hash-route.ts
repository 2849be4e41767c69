import { useEffect } from 'react';
import { findScreen } from '../screens.tsx';
import { useNavStore } from '../../state/nav-store.ts';

function screenFromHash(hash: string): string | null {
  const id = hash.replace(/^#\/?/, '');
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
    const wanted = `#/${screenId}`;
    if (location.hash !== wanted) {
      history.replaceState(null, '', `${location.pathname}${location.search}${wanted}`);
    }
  }, [screenId]);
}
