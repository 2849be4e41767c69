/**
 * Rendering for the rep views' tests: they load from the server asynchronously, as in a browser, so
 * there is no act() around every reply; a test waits for what the user would see instead.
 */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { vi } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

/** Mounts without act(); call `unmount` when done. */
export function render(node: ReactNode): { container: HTMLElement; unmount: () => void } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(node);
  return { container, unmount: () => (root.unmount(), container.remove()) };
}

/** Waits (3 s at most) until `check` passes. */
export const settle = (check: () => void): Promise<void> => vi.waitFor(check, { timeout: 3000, interval: 20 });

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
}
