// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { useLocaleStore } from '../../../src/state/locale-store.ts';
import { RangeGauge } from '../../../src/ui/range/RangeGauge.tsx';
import { render } from '../render.tsx';

describe('RangeGauge', () => {
  afterEach(() => act(() => useLocaleStore.getState().setLocale('zh-CN')));

  it('shows whole kilometres and the share of the CLTC rating', () => {
    const { container, unmount } = render(<RangeGauge rangeKm={412.6} ratedKm={600} />);
    expect(container.querySelector('[data-testid="range-km"]')!.textContent).toBe('413');
    expect(container.querySelector('.gauge__unit')!.textContent).toBe('公里');
    expect(container.querySelector('[data-testid="range-rated"]')!.textContent).toBe('CLTC 标称 600公里 的 69%');
    unmount();
  });

  it('switches language and unit with the locale', () => {
    const { container, unmount } = render(<RangeGauge rangeKm={1234} ratedKm={600} />);
    act(() => useLocaleStore.getState().setLocale('en'));
    expect(container.querySelector('[data-testid="range-km"]')!.textContent).toBe('1,234');
    expect(container.querySelector('.gauge__unit')!.textContent).toBe('km');
    expect(container.querySelector('[data-testid="range-rated"]')!.textContent).toBe('206% of the 600 km CLTC rating');
    unmount();
  });

  it('fills the arc in proportion to the rating, capped at full', () => {
    const fill = (rangeKm: number) => {
      const { container, unmount } = render(<RangeGauge rangeKm={rangeKm} ratedKm={600} />);
      const dash = container.querySelector('.gauge__fill')!.getAttribute('stroke-dasharray')!;
      unmount();
      return Number(dash.split(' ')[0]);
    };
    expect(fill(300) / fill(600)).toBeCloseTo(0.5);
    expect(fill(900)).toBeCloseTo(fill(600));
  });

  it('says so when the trim has no CLTC rating, without an arc fill', () => {
    const { container, unmount } = render(<RangeGauge rangeKm={400} ratedKm={undefined} />);
    expect(container.querySelector('.gauge__fill')).toBeNull();
    expect(container.querySelector('[data-testid="range-rated"]')!.textContent).toBe('该车型未提供 CLTC 标称续航');
    unmount();
  });
});
