import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n/index.ts';

/**
 * One kiosk screen. To add a screen: add one entry here (its component loads lazily, so each
 * screen is its own chunk) and its label in `src/i18n/zh-CN.ts` and `en.ts`.
 */
export interface ScreenEntry {
  /** Stable id, also the URL hash (`#/range`). */
  id: string;
  /** Navigation label. */
  labelKey: MessageKey;
  /** One line for the home screen's tile; screens without one get no tile (e.g. home). */
  blurbKey?: MessageKey;
  /** Reached from another screen (the contact form, from the plan), not a tab of its own. */
  hiddenFromNav?: boolean;
  Component: LazyExoticComponent<ComponentType>;
}

// The first entry is the home screen the idle reset returns to.
export const screens: ScreenEntry[] = [
  {
    id: 'home',
    labelKey: 'nav.home',
    Component: lazy(() => import('./home/HomeScreen.tsx').then((m) => ({ default: m.HomeScreen }))),
  },
  {
    id: 'range',
    labelKey: 'nav.range',
    blurbKey: 'home.tile.range',
    Component: lazy(() => import('./range/RangeScreen.tsx').then((m) => ({ default: m.RangeScreen }))),
  },
  {
    id: 'twin',
    labelKey: 'nav.twin',
    blurbKey: 'home.tile.twin',
    Component: lazy(() => import('./twin/TwinScreen.tsx').then((m) => ({ default: m.TwinScreen }))),
  },
  {
    id: 'needs',
    labelKey: 'nav.needs',
    blurbKey: 'home.tile.needs',
    Component: lazy(() => import('./needs/NeedsScreen.tsx').then((m) => ({ default: m.NeedsScreen }))),
  },
  {
    id: 'contact',
    labelKey: 'nav.contact',
    hiddenFromNav: true,
    Component: lazy(() => import('./contact/ContactScreen.tsx').then((m) => ({ default: m.ContactScreen }))),
  },
  {
    // Rep mode: the kiosk's lead delivery status, and behind a token sign-in the leads and funnel.
    id: 'rep',
    labelKey: 'nav.rep',
    hiddenFromNav: true,
    Component: lazy(() => import('./rep/RepScreen.tsx').then((m) => ({ default: m.RepScreen }))),
  },
];

export function findScreen(id: string): ScreenEntry | undefined {
  return screens.find((s) => s.id === id);
}
