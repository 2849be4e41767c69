import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders into a fresh container in the happy-dom document; call `unmount` when done. */
export function render(node: ReactNode): { container: HTMLElement; unmount: () => void; rerender: (n: ReactNode) => void } {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    rerender: (n) => act(() => root.render(n)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export { act };
