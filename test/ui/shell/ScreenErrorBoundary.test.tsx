// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { lastError } from '../../../src/state/last-error.ts';
import { ScreenErrorBoundary } from '../../../src/ui/shell/ScreenErrorBoundary.tsx';
import { render } from '../render.tsx';

function Broken(): never {
  throw new TypeError('cannot read the bundle for 13900001111');
}

describe('a screen that crashes', () => {
  it('shows the error card and becomes the kiosk’s last error, without the digits', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = render(
      <ScreenErrorBoundary>
        <Broken />
      </ScreenErrorBoundary>,
    );
    expect(view.container.querySelector('[role="alert"]')).not.toBeNull();
    const noted = lastError();
    expect(noted?.kind).toBe('error');
    expect(noted?.message).toContain('TypeError');
    expect(noted?.message).not.toContain('13900001111');
    view.unmount();
    quiet.mockRestore();
  });
});
