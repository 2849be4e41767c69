// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRICES, type YearlyCost } from '../../../src/plan/index.ts';
import { useStoreSettings } from '../../../src/state/settings-store.ts';
import { defaultStoreSettings } from '../../../src/store/store-settings.ts';
import { CostCard } from '../../../src/ui/needs/CostCard.tsx';
import { act, render } from '../render.tsx';

const cost: YearlyCost = { yearlyKm: 12_000, fuelCny: 6840, electricityCny: 1200, savingCny: 5640, electricityCnyPerKwh: 0.34, wallKwh: 1800 };

describe('the plan’s cost card and the store’s prices', () => {
  it('shows the store’s prices as the defaults a customer can return to', () => {
    const storePrices = { ...DEFAULT_PRICES, petrolCnyPerL: 8.05 };
    act(() => useStoreSettings.getState().apply({ settings: { ...defaultStoreSettings('local'), prices: storePrices }, problem: null }));
    const onPrices = vi.fn();
    const view = render(<CostCard cost={cost} fuelLPer100km={7.5} prices={storePrices} onPrices={onPrices} computing={false} />);
    const reset = () => [...view.container.querySelectorAll<HTMLButtonElement>('.needs-link')].find((b) => b.textContent === '恢复默认价格')!;
    expect(view.container.querySelector('[data-testid="price-petrolCnyPerL"]')!.textContent).toContain('8.05');
    expect(reset().hidden).toBe(true);
    view.rerender(<CostCard cost={cost} fuelLPer100km={7.5} prices={{ ...storePrices, petrolCnyPerL: 9 }} onPrices={onPrices} computing={false} />);
    expect(reset().hidden).toBe(false);
    act(() => reset().click());
    expect(onPrices).toHaveBeenCalledWith(storePrices);
    view.unmount();
    act(() => useStoreSettings.getState().apply({ settings: defaultStoreSettings('local'), problem: null }));
  });
});
