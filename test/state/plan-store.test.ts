import { beforeEach, describe, expect, it } from 'vitest';
import { buildPlan, DEFAULT_PRICES, encodeAnswers, type Answers } from '../../src/plan/index.ts';
import { usePlanStore } from '../../src/state/plan-store.ts';
import { resetKioskSession } from '../../src/state/session-reset.ts';
import { useStoreSettings } from '../../src/state/settings-store.ts';
import { defaultStoreSettings } from '../../src/store/store-settings.ts';
import { lineup } from '../plan/helpers.ts';

const answers: Answers = { dailyKm: 50, region: 'beijing' };
const plan = buildPlan(answers, lineup());

describe('plan store', () => {
  beforeEach(() => usePlanStore.getState().reset());

  it('removes an answer set to undefined, so a skipped question is absent', () => {
    const s = usePlanStore.getState();
    s.setAnswers({ dailyKm: 40, camping: true });
    s.setAnswers({ camping: undefined });
    expect(usePlanStore.getState().answers).toEqual({ dailyKm: 40 });
    expect('camping' in usePlanStore.getState().answers).toBe(false);
  });

  it('opens a share token as a plan from a link', () => {
    usePlanStore.getState().openLink(encodeAnswers(answers));
    const s = usePlanStore.getState();
    expect(s.phase).toBe('plan');
    expect(s.origin).toBe('link');
    expect(s.answers).toEqual(answers);
  });

  it.each(['', 'not base64!', encodeAnswers(answers).slice(0, -5), btoa('{"dailyKm":-5}')])('turns the damaged token %j into a link error', (token) => {
    usePlanStore.getState().setAnswers({ camping: true });
    usePlanStore.getState().openLink(token);
    const s = usePlanStore.getState();
    expect(s.phase).toBe('link-error');
    expect(s.answers).toEqual({});
  });

  it('shows a reply with the answers it was computed for, and never an older one over a newer one', () => {
    const s = usePlanStore.getState();
    const base = s.requestedSeq;
    s.requested(base + 1, 'old');
    s.requested(base + 2, encodeAnswers(answers));
    s.receive({ seq: base + 2, ok: true, plan });
    expect(usePlanStore.getState()).toMatchObject({ plan, planKey: encodeAnswers(answers), computing: false });
    s.receive({ seq: base + 1, ok: true, plan: { ...plan, dailyKm: 1 } });
    expect(usePlanStore.getState().plan).toBe(plan);
    expect(usePlanStore.getState().pendingKeys).toEqual({});
  });

  it('keeps a failure for the UI to explain', () => {
    const s = usePlanStore.getState();
    const seq = s.requestedSeq + 1;
    s.requested(seq, 'k');
    s.receive({ seq, ok: false, failure: { kind: 'sim', message: 'boom' } });
    expect(usePlanStore.getState()).toMatchObject({ failure: { kind: 'sim', message: 'boom' }, computing: false });
  });

  it('forgets answers, prices and plan when the kiosk session ends; a late reply stays out', () => {
    const s = usePlanStore.getState();
    s.setAnswers(answers);
    s.setPrices({ ...DEFAULT_PRICES, petrolCnyPerL: 9 });
    s.goTo(4);
    s.showPlan();
    const seq = s.requestedSeq + 1;
    s.requested(seq, encodeAnswers(answers));
    resetKioskSession();
    usePlanStore.getState().receive({ seq, ok: true, plan });
    expect(usePlanStore.getState()).toMatchObject({ answers: {}, prices: DEFAULT_PRICES, step: 0, phase: 'questions', plan: null });
  });

  it('starts every customer’s cost comparison on the store’s prices, and follows new ones the customer has not changed', () => {
    const storePrices = { ...DEFAULT_PRICES, petrolCnyPerL: 8.05, publicDcCnyPerKwh: 1.45 };
    useStoreSettings.getState().apply({ settings: { ...defaultStoreSettings('local'), prices: storePrices }, problem: null });
    expect(usePlanStore.getState().prices).toEqual(storePrices);
    usePlanStore.getState().setPrices({ ...storePrices, petrolCnyPerL: 9 });
    useStoreSettings.getState().apply({ settings: { ...defaultStoreSettings('local'), prices: { ...storePrices, homePeakCnyPerKwh: 0.7 } }, problem: null });
    expect(usePlanStore.getState().prices.petrolCnyPerL).toBe(9); // the customer's own price stays
    resetKioskSession();
    expect(usePlanStore.getState().prices).toEqual({ ...storePrices, homePeakCnyPerKwh: 0.7 });
    useStoreSettings.getState().apply({ settings: defaultStoreSettings('local'), problem: null });
    expect(usePlanStore.getState().prices).toEqual(DEFAULT_PRICES);
  });
});
