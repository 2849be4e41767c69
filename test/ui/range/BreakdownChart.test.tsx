// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../src/state/locale-store.ts';
import { BreakdownChart } from '../../../src/ui/range/BreakdownChart.tsx';
import { render } from '../render.tsx';

const breakdown = {
  aero: 6, rolling: 4, grade: 0, inertia: 3, drivetrain: 1.5, battery: 0.5,
  climate: 2, batteryThermal: 0, auxiliaries: 0.5, regen: -2,
};
const total = Object.values(breakdown).reduce((a, b) => a + b, 0);

function bar(container: HTMLElement, key: string) {
  const rect = container.querySelector(`[data-key="${key}"] rect.bar`)!;
  return { x: Number(rect.getAttribute('x')), width: Number(rect.getAttribute('width')) };
}

describe('BreakdownChart', () => {
  afterEach(() => useLocaleStore.getState().setLocale('zh-CN'));

  it('draws regen to the left of the zero axis and consumers to its right, on one scale', () => {
    const { container, unmount } = render(<BreakdownChart breakdown={breakdown} totalKwhPer100km={total} />);
    const zero = Number(container.querySelector('[data-key="aero"] line')!.getAttribute('x1'));
    const aero = bar(container, 'aero');
    const rolling = bar(container, 'rolling');
    const regen = bar(container, 'regen');
    expect(aero.x).toBeCloseTo(zero);
    expect(regen.x + regen.width).toBeCloseTo(zero);
    expect(regen.x).toBeLessThan(zero);
    expect(aero.width / rolling.width).toBeCloseTo(6 / 4);
    expect(regen.width / aero.width).toBeCloseTo(2 / 6);
    // The widest consumer and regen together span the whole bar box.
    expect(regen.width + aero.width).toBeCloseTo(100);
    unmount();
  });

  it('hides entries that are zero unless they always matter', () => {
    const { container, unmount } = render(<BreakdownChart breakdown={breakdown} totalKwhPer100km={total} />);
    expect(container.querySelector('[data-key="grade"]')).toBeNull();
    expect(container.querySelector('[data-key="batteryThermal"]')).toBeNull();
    expect(container.querySelector('[data-key="climate"]')).not.toBeNull();
    unmount();
  });

  it('never shows -0.0 and writes the total with its unit for the locale', () => {
    const { container, unmount } = render(
      <BreakdownChart breakdown={{ ...breakdown, regen: -0.01 }} totalKwhPer100km={17.5} />,
    );
    expect(container.querySelector('[data-testid="breakdown-regen"]')!.textContent).toBe('0.0');
    expect(container.querySelector('[data-testid="breakdown-total"]')!.textContent).toBe('17.5 kWh/百公里');
    unmount();
  });

  it('draws the mild-day reference as bands behind the bars, on the same scale', () => {
    const reference = { ...breakdown, aero: 5, climate: 0, batteryThermal: 0, regen: -3 };
    const winter = { ...breakdown, batteryThermal: 1.2 };
    const { container, unmount } = render(
      <BreakdownChart breakdown={winter} totalKwhPer100km={total + 1.2} reference={reference} />,
    );
    const band = (key: string) => {
      const r = container.querySelector(`[data-key="${key}"] .bar--reference`)!;
      return { x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')) };
    };
    // The widest value is still winter aero (6); the deepest negative is now the reference regen (-3).
    expect(band('regen').width + bar(container, 'aero').width).toBeCloseTo(100);
    expect(band('aero').width / bar(container, 'aero').width).toBeCloseTo(5 / 6);
    expect(container.querySelector('[data-key="batteryThermal"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="breakdown-reference"]')!.textContent).toContain('23°C');
    unmount();
  });
});
