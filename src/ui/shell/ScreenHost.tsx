import { Suspense } from 'react';
import { findScreen, screens } from '../screens.tsx';
import { useNavStore } from '../../state/nav-store.ts';
import { useI18n } from '../use-i18n.ts';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';

/** Shows the current screen; an unknown id falls back to home rather than a blank page. */
export function ScreenHost() {
  const { t } = useI18n();
  const screenId = useNavStore((s) => s.screenId);
  const screen = findScreen(screenId) ?? screens[0]!;
  const { Component } = screen;
  return (
    <ScreenErrorBoundary key={screen.id}>
      <Suspense
        fallback={
          <div className="screen-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('screen.loading')}
          </div>
        }
      >
        <div className="screen" data-screen={screen.id}>
          <Component />
        </div>
      </Suspense>
    </ScreenErrorBoundary>
  );
}
