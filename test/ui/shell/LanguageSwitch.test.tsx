// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../src/state/locale-store.ts';
import { LanguageSwitch } from '../../../src/ui/shell/LanguageSwitch.tsx';
import { act, render } from '../render.tsx';

describe('LanguageSwitch', () => {
  it('starts on zh-CN and switches the store to English on a tap', () => {
    const { container, unmount } = render(<LanguageSwitch />);
    const zh = container.querySelector<HTMLButtonElement>('[data-testid="lang-zh-CN"]')!;
    const en = container.querySelector<HTMLButtonElement>('[data-testid="lang-en"]')!;
    expect(zh.getAttribute('aria-pressed')).toBe('true');
    act(() => en.click());
    expect(useLocaleStore.getState().locale).toBe('en');
    expect(en.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Language');
    act(() => zh.click());
    expect(useLocaleStore.getState().locale).toBe('zh-CN');
    unmount();
  });
});
