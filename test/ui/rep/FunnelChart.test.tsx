// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FunnelRow, FunnelTotals } from '../../../src/leads/api-schema.ts';
import { DailyFunnelChart, FunnelSteps, formatRatio, formatSpeed } from '../../../src/ui/rep/FunnelChart.tsx';
import { render } from '../render.tsx';

const HOSTILE = '<img src=x onerror=alert(1)>';

function totals(over: Partial<FunnelTotals> = {}): FunnelTotals {
  return {
    storeId: 'sh-01',
    session_started: 200,
    questionnaire_completed: 120,
    plan_viewed: 90,
    lead_submitted: 30,
    test_drive_booked: 12,
    conversion: { questionnaire: 0.6, plan: 0.75, lead: 0.333, testDrive: 0.4, overall: 0.15 },
    speedToLeadMinutesMedian: 42,
    contactedLeads: 25,
    ...over,
  };
}

function row(day: string, storeId: string, s: number, q: number, p: number, l: number, t: number): FunnelRow {
  return {
    day, storeId, session_started: s, questionnaire_completed: q, plan_viewed: p, lead_submitted: l, test_drive_booked: t,
    conversion: { questionnaire: null, plan: null, lead: null, testDrive: null, overall: null },
    speedToLeadMinutesMedian: null, contactedLeads: 0,
  };
}

const text = (el: Element | null) => el?.textContent ?? '';
const barWidth = (c: HTMLElement, step: string) => Number(c.querySelector(`[data-step="${step}"] .funnel-step__bar`)!.getAttribute('width'));

describe('FunnelSteps', () => {
  it('draws five bars proportional to the sessions with their names and counts', () => {
    const { container, unmount } = render(<FunnelSteps totals={totals({ session_started: 2000 })} locale="zh-CN" />);
    const names = [...container.querySelectorAll('.funnel-step__name')].map((e) => e.textContent);
    expect(names).toEqual(['到店会话', '完成问卷', '查看方案', '留资', '预约试驾']);
    expect(text(container.querySelector('[data-testid="funnel-count-session_started"]'))).toBe('2,000');
    expect(text(container.querySelector('[data-testid="funnel-count-lead_submitted"]'))).toBe('30');
    const full = barWidth(container, 'session_started');
    expect(full).toBeGreaterThan(0);
    expect(barWidth(container, 'questionnaire_completed') / full).toBeCloseTo(120 / 2000);
    expect(barWidth(container, 'plan_viewed') / full).toBeCloseTo(90 / 2000);
    // 12 / 2000 of the width is under the 3-unit sliver a non-zero step always gets.
    expect(barWidth(container, 'test_drive_booked')).toBeGreaterThanOrEqual(3);
    unmount();
  });

  it('writes the step-to-step and overall conversion and the speed-to-lead with its sample', () => {
    const { container, unmount } = render(<FunnelSteps totals={totals()} locale="zh-CN" />);
    const conv = (k: string) => text(container.querySelector(`[data-testid="funnel-conversion-${k}"]`));
    expect(conv('questionnaire')).toBe('↓ 60%');
    expect(conv('plan')).toBe('↓ 75%');
    expect(conv('lead')).toBe('↓ 33%');
    expect(conv('testDrive')).toBe('↓ 40%');
    expect(text(container.querySelector('[data-testid="funnel-overall"]'))).toBe('15%');
    expect(text(container.querySelector('[data-testid="funnel-speed"]'))).toBe('42 分钟');
    expect(text(container.querySelector('[data-testid="funnel-sample"]'))).toBe('基于 25 条已联系线索');
    const svg = container.querySelector('svg[role="img"]')!;
    expect(text(svg.querySelector('title'))).toBe('转化漏斗 · 门店 sh-01');
    expect(svg.getAttribute('aria-label')).toBe(
      '门店 sh-01：到店会话 200，完成问卷 120，查看方案 90，留资 30，预约试驾 12。整体转化率 15%，首次联系用时中位数 42 分钟。',
    );
    unmount();
  });

  it('speaks English', () => {
    const { container, unmount } = render(<FunnelSteps totals={totals({ storeId: null, speedToLeadMinutesMedian: 150 })} locale="en" />);
    const names = [...container.querySelectorAll('.funnel-step__name')].map((e) => e.textContent);
    expect(names).toEqual(['Kiosk sessions', 'Questionnaires', 'Plans viewed', 'Leads', 'Test drives']);
    expect(text(container.querySelector('title'))).toBe('Conversion funnel · All stores');
    expect(text(container.querySelector('[data-testid="funnel-speed"]'))).toBe('2.5 h');
    expect(text(container.querySelector('[data-testid="funnel-sample"]'))).toBe('from 25 contacted leads');
    unmount();
  });

  it('renders all-zero figures without NaN and with dashes for missing ratios', () => {
    const zero = totals({
      session_started: 0, questionnaire_completed: 0, plan_viewed: 0, lead_submitted: 0, test_drive_booked: 0,
      conversion: { questionnaire: null, plan: null, lead: null, testDrive: null, overall: null },
      speedToLeadMinutesMedian: null, contactedLeads: 0,
    });
    const { container, unmount } = render(<FunnelSteps totals={zero} locale="zh-CN" />);
    expect(container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
    for (const bar of container.querySelectorAll('.funnel-step__bar')) expect(bar.getAttribute('width')).toBe('0');
    expect(text(container.querySelector('[data-testid="funnel-conversion-plan"]'))).toBe('↓ —');
    expect(text(container.querySelector('[data-testid="funnel-overall"]'))).toBe('—');
    expect(text(container.querySelector('[data-testid="funnel-speed"]'))).toBe('—');
    expect(text(container.querySelector('[data-testid="funnel-sample"]'))).toBe('基于 0 条已联系线索');
    unmount();
  });

  it('scales to the largest step when there are no sessions', () => {
    const t = totals({ session_started: 0, questionnaire_completed: 0, plan_viewed: 40, lead_submitted: 10, test_drive_booked: 0 });
    const { container, unmount } = render(<FunnelSteps totals={t} locale="zh-CN" />);
    const plan = barWidth(container, 'plan_viewed');
    expect(plan).toBeGreaterThan(0);
    expect(barWidth(container, 'lead_submitted') / plan).toBeCloseTo(0.25);
    expect(barWidth(container, 'session_started')).toBe(0);
    unmount();
  });

  it('renders a hostile store id as text', () => {
    const { container, unmount } = render(<FunnelSteps totals={totals({ storeId: HOSTILE })} locale="zh-CN" />);
    expect(container.querySelector('img')).toBeNull();
    expect(text(container.querySelector('title'))).toBe(`转化漏斗 · 门店 ${HOSTILE}`);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain(HOSTILE);
    unmount();
  });
});

describe('DailyFunnelChart', () => {
  const rows = [
    row('2026-05-01', 'sh-01', 40, 20, 10, 4, 1),
    row('2026-05-01', 'bj-02', 10, 5, 5, 2, 0),
    row('2026-05-03', 'sh-01', 30, 12, 8, 3, 2),
  ];

  it('draws every day of the range, missing days at zero, stores summed', () => {
    const { container, unmount } = render(<DailyFunnelChart from="2026-05-01" to="2026-05-07" rows={rows} locale="zh-CN" />);
    const points = (step: string) =>
      [...container.querySelectorAll(`.funnel-series[data-step="${step}"] circle`)].map((c) => [c.getAttribute('data-day'), Number(c.getAttribute('data-value'))]);
    expect(points('session_started')).toEqual([
      ['2026-05-01', 50], ['2026-05-02', 0], ['2026-05-03', 30], ['2026-05-04', 0],
      ['2026-05-05', 0], ['2026-05-06', 0], ['2026-05-07', 0],
    ]);
    expect(points('lead_submitted').map(([, v]) => v)).toEqual([6, 0, 3, 0, 0, 0, 0]);
    expect(container.querySelectorAll('polyline')).toHaveLength(5);
    // Points sit on the y scale: 50 on the top tick (niceTicks(50) → 0..50), 0 on the base line.
    const ticks = [...container.querySelectorAll('.funnel-axis--y [data-tick]')].map((g) => Number(g.getAttribute('data-tick')));
    expect(ticks).toEqual([0, 10, 20, 30, 40, 50]);
    const yOfTick = (t: number) => Number(container.querySelector(`[data-tick="${t}"] line`)!.getAttribute('y1'));
    const cy = (step: string, day: string) => Number(container.querySelector(`.funnel-series[data-step="${step}"] circle[data-day="${day}"]`)!.getAttribute('cy'));
    expect(cy('session_started', '2026-05-01')).toBeCloseTo(yOfTick(50), 0);
    expect(cy('session_started', '2026-05-02')).toBeCloseTo(yOfTick(0), 0);
    expect(cy('session_started', '2026-05-03')).toBeCloseTo(yOfTick(30), 0);
    const tickText = [...container.querySelectorAll('.funnel-axis--y text')].map((e) => e.textContent);
    expect(tickText).toEqual(['0', '10', '20', '30', '40', '50']);
    unmount();
  });

  it('labels days as MM-DD, has a legend, a title and a summary', () => {
    const { container, unmount } = render(<DailyFunnelChart from="2026-05-01" to="2026-05-07" rows={rows} locale="zh-CN" />);
    const labels = [...container.querySelectorAll('.funnel-axis--x text')].map((e) => e.textContent);
    expect(labels).toEqual(['05-01', '05-02', '05-03', '05-04', '05-05', '05-06', '05-07']);
    expect([...container.querySelectorAll('.funnel__legend li')].map((e) => e.textContent)).toEqual(['到店会话', '完成问卷', '查看方案', '留资', '预约试驾']);
    const svg = container.querySelector('svg[role="img"]')!;
    expect(text(svg.querySelector(':scope > title'))).toBe('每日漏斗 · 全部门店 · 2026-05-01 至 2026-05-07');
    expect(svg.getAttribute('aria-label')).toBe(
      '全部门店，2026-05-01 至 2026-05-07，共 7 天：到店会话 80，完成问卷 37，查看方案 23，留资 9，预约试驾 3。单日最多 50。',
    );
    // Each day's counts as a hover title.
    expect(text(container.querySelector('.funnel-hover rect[data-day="2026-05-03"] title'))).toBe(
      '2026-05-03：到店会话 30，完成问卷 12，查看方案 8，留资 3，预约试驾 2',
    );
    unmount();
  });

  it('shows one store only when chosen', () => {
    const { container, unmount } = render(<DailyFunnelChart from="2026-05-01" to="2026-05-03" rows={rows} storeId="bj-02" locale="en" />);
    const values = [...container.querySelectorAll('.funnel-series[data-step="session_started"] circle')].map((c) => Number(c.getAttribute('data-value')));
    expect(values).toEqual([10, 0, 0]);
    expect(text(container.querySelector('svg > title'))).toBe('Funnel per day · Store bj-02 · 2026-05-01 to 2026-05-03');
    expect([...container.querySelectorAll('.funnel__legend li')].map((e) => e.textContent)).toEqual(['Kiosk sessions', 'Questionnaires', 'Plans viewed', 'Leads', 'Test drives']);
    unmount();
  });

  it('thins the day labels of a 90-day range and keeps the last day', () => {
    const { container, unmount } = render(<DailyFunnelChart from="2026-03-01" to="2026-05-29" rows={rows} locale="zh-CN" />);
    const labels = [...container.querySelectorAll('.funnel-axis--x text')].map((e) => e.textContent);
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.length).toBeLessThanOrEqual(14);
    expect(labels.at(-1)).toBe('05-29');
    const xs = [...container.querySelectorAll('.funnel-axis--x text')].map((e) => Number(e.getAttribute('x')));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(40);
    expect(container.querySelectorAll('.funnel-hover rect')).toHaveLength(90);
    unmount();
  });

  it('renders one day and an all-zero year without NaN', () => {
    const one = render(<DailyFunnelChart from="2026-05-03" to="2026-05-03" rows={rows} locale="zh-CN" />);
    expect(one.container.innerHTML).not.toMatch(/NaN|Infinity/);
    expect(one.container.querySelectorAll('polyline')).toHaveLength(0);
    expect(one.container.querySelectorAll('circle[data-day="2026-05-03"]')).toHaveLength(5);
    expect([...one.container.querySelectorAll('.funnel-axis--x text')].map((e) => e.textContent)).toEqual(['05-03']);
    one.unmount();

    const year = render(<DailyFunnelChart from="2024-01-01" to="2024-12-31" rows={[]} locale="zh-CN" />);
    expect(year.container.innerHTML).not.toMatch(/NaN|Infinity/);
    expect([...year.container.querySelectorAll('.funnel-axis--y text')].map((e) => e.textContent)).toEqual(['0', '1']);
    expect(year.container.querySelector('svg')!.getAttribute('aria-label')).toContain('共 366 天');
    expect(year.container.querySelectorAll('.funnel-hover rect')).toHaveLength(366);
    year.unmount();
  });

  it('renders a hostile store id as text', () => {
    const hostileRows = [row('2026-05-01', HOSTILE, 3, 2, 1, 1, 0)];
    const { container, unmount } = render(<DailyFunnelChart from="2026-05-01" to="2026-05-02" rows={hostileRows} storeId={HOSTILE} locale="zh-CN" />);
    expect(container.querySelector('img')).toBeNull();
    expect(text(container.querySelector('svg > title'))).toContain(HOSTILE);
    const values = [...container.querySelectorAll('.funnel-series[data-step="session_started"] circle')].map((c) => Number(c.getAttribute('data-value')));
    expect(values).toEqual([3, 0]);
    unmount();
  });
});

describe('formatting', () => {
  it('writes small ratios with a decimal and null as a dash', () => {
    expect(formatRatio('zh-CN', 0.004)).toBe('0.4%');
    expect(formatRatio('en', 0.333)).toBe('33%');
    expect(formatRatio('en', 0)).toBe('0%');
    expect(formatRatio('en', null)).toBe('—');
    expect(formatRatio('en', Number.NaN)).toBe('—');
  });

  it('writes speed-to-lead in minutes, then hours', () => {
    expect(formatSpeed('zh-CN', 4.5)).toBe('4.5 分钟');
    expect(formatSpeed('en', 42)).toBe('42 min');
    expect(formatSpeed('en', 1440)).toBe('24.0 h');
    expect(formatSpeed('en', null)).toBe('—');
  });
});
