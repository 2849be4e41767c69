// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../src/state/locale-store.ts';
import { usePlanStore } from '../../../src/state/plan-store.ts';
import { Questionnaire } from '../../../src/ui/needs/Questionnaire.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
const $ = (testId: string) => host.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
const click = (testId: string) => act(() => $(testId).click());
const question = () => host.querySelector('[data-question]')!.getAttribute('data-question');

beforeEach(() => {
  usePlanStore.getState().reset();
  useLocaleStore.getState().setLocale('zh-CN');
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(<Questionnaire />));
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('Questionnaire', () => {
  it('walks the ten cards with progress, recording what the customer chose and skipping what they skipped', () => {
    expect($('needs-progress').textContent).toBe('第 1 题 / 共 10 题');
    click('more-dailyKm');
    click('more-dailyKm');
    expect($('value-dailyKm').textContent).toBe('50公里');
    click('needs-next');
    expect(question()).toBe('longestTripKm');
    click('needs-skip');
    click('homeCharging-socket');
    click('needs-next');
    click('region-shenyang');
    click('needs-next');
    click('children-true');
    click('needs-next');
    for (let i = 0; i < 4; i++) click('needs-skip');
    expect(question()).toBe('priorities');
    expect($('needs-progress').textContent).toBe('第 10 题 / 共 10 题');
    click('priority-cost');
    click('priority-safety');
    expect(host.querySelector('[data-testid="priority-safety"] .priority__rank')!.textContent).toBe('2');
    expect($('needs-next').textContent).toBe('查看我的方案');
    click('needs-next');
    const s = usePlanStore.getState();
    expect(s.phase).toBe('plan');
    expect(s.answers).toEqual({ dailyKm: 50, homeCharging: 'socket', region: 'shenyang', children: true, priorities: ['cost', 'safety'] });
  });

  it('goes back with the answers kept, and a second tap on a chip clears it', () => {
    click('needs-next');
    click('needs-next');
    click('homeCharging-wallbox');
    expect($('homeCharging-wallbox').getAttribute('aria-pressed')).toBe('true');
    click('homeCharging-wallbox');
    expect(usePlanStore.getState().answers.homeCharging).toBeUndefined();
    click('needs-back');
    expect(question()).toBe('longestTripKm');
    expect($('value-longestTripKm').textContent).toBe('300公里');
    expect(usePlanStore.getState().answers).toEqual({ dailyKm: 40, longestTripKm: 300 });
    expect(($('needs-back') as HTMLButtonElement).disabled).toBe(false);
  });

  it('speaks English with English number formatting after the switch', () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    expect($('needs-progress').textContent).toBe('Question 1 of 10');
    expect($('needs-next').textContent).toBe('Next');
    act(() => usePlanStore.getState().goTo(7));
    expect($('value-budgetCny').textContent).toBe('CN¥250K');
  });
});
