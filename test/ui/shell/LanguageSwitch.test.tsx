// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../src/state/locale-store.ts';
import { useStoreSettings } from '../../../src/state/settings-store.ts';
import { defaultStoreSettings } from '../../../src/store/store-settings.ts';
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

  it('offers the store’s languages in its order, and no switch for a store with one', () => {
    const apply = (offered: ('zh-CN' | 'en')[]) =>
      act(() => useStoreSettings.getState().apply({ settings: { ...defaultStoreSettings('local'), languages: { offered, default: offered[0]! } }, problem: null }));
    apply(['en', 'zh-CN']);
    const { container, unmount } = render(<LanguageSwitch />);
    expect([...container.querySelectorAll('button')].map((b) => b.dataset.testid)).toEqual(['lang-en', 'lang-zh-CN']);
    apply(['zh-CN']);
    expect(container.querySelector('[role="group"]')).toBeNull();
    apply(['zh-CN', 'en']);
    unmount();
  });
});
