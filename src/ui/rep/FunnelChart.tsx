/**
 * Lead-funnel charts for the store manager and rep views, in plain SVG:
 * - FunnelSteps: the five steps over a range as horizontal bars with step-to-step conversion,
 *   plus overall conversion and speed-to-lead as figures;
 * - DailyFunnelChart: the five steps per day as lines with points, nice y ticks and a legend.
 *
 * Both lay out in a viewBox whose width follows the element's width in 16 px-per-rem units, so the
 * text keeps a legible size from a 390 px phone to a 1920 px kiosk (it scales with the root font)
 * while the SVG itself stays `width: 100%`. Every number is a text node (React escapes it).
 */
import { useMemo, type RefObject } from 'react';
import type { FunnelRow, FunnelTotals } from '../../leads/api-schema.ts';
import { formatNumber, type Locale } from '../../i18n/index.ts';
import { useElementSize } from '../use-element-size.ts';
import {
  FUNNEL_STEPS,
  STEP_CONVERSION,
  barFractions,
  dailySeries,
  labelIndices,
  labelStride,
  linear,
  niceTicks,
  safeRatio,
  seriesMax,
  shortDay,
  sumSeries,
  type FunnelStep,
  type StepCounts,
} from './funnel-chart-model.ts';
import { funnelText } from './funnel-text.ts';
import './funnel-chart.css';

/** Width in viewBox units before the element is measured (tests, first render). */
const DEFAULT_UNITS = 720;
const MIN_UNITS = 300;
const MAX_UNITS = 1400;

/** The element's width expressed in units where the root font is 16: text sizes stay in rem. */
function useChartUnits<T extends Element>(): [RefObject<T | null>, number] {
  const [ref, { width }] = useElementSize<T>();
  const units = useMemo(() => {
    if (!(width > 0)) return DEFAULT_UNITS;
    let rootPx = 16;
    if (typeof document !== 'undefined' && typeof getComputedStyle === 'function') {
      const px = parseFloat(getComputedStyle(document.documentElement).fontSize);
      if (Number.isFinite(px) && px > 0) rootPx = px;
    }
    return Math.round(Math.min(MAX_UNITS, Math.max(MIN_UNITS, (width * 16) / rootPx)));
  }, [width]);
  return [ref, units];
}

const stepName = (locale: Locale, step: FunnelStep) => funnelText(locale, `step.${step}`);

/** A ratio as a percentage: one decimal below 10 % (0.4 % is not 0 %), whole above. */
export function formatRatio(locale: Locale, ratio: number | null | undefined): string {
  const r = safeRatio(ratio);
  if (r === null) return funnelText(locale, 'none');
  const pct = r * 100;
  const digits = pct !== 0 && Math.abs(pct) < 10 ? 1 : 0;
  return `${formatNumber(locale, pct, digits)}%`;
}

/** Median minutes to first contact: tenths below 10 min, whole minutes below 2 h, then hours. */
export function formatSpeed(locale: Locale, minutes: number | null | undefined): string {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) return funnelText(locale, 'none');
  if (minutes < 10) return funnelText(locale, 'minutes', { value: formatNumber(locale, minutes, 1) });
  if (minutes < 120) return funnelText(locale, 'minutes', { value: formatNumber(locale, minutes, 0) });
  return funnelText(locale, 'hours', { value: formatNumber(locale, minutes / 60, 1) });
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

function stepList(locale: Locale, counts: StepCounts): string {
  return FUNNEL_STEPS.map((s) =>
    funnelText(locale, 'countPair', { name: stepName(locale, s), value: formatNumber(locale, count(counts[s])) }),
  ).join(funnelText(locale, 'listSeparator'));
}

function scopeLabel(locale: Locale, storeId: string | null | undefined): string {
  return storeId != null ? funnelText(locale, 'steps.store', { store: storeId }) : funnelText(locale, 'steps.allStores');
}

export interface FunnelStepsProps {
  /** A store's figures over the range, or (storeId null) every visible store's. */
  totals: FunnelTotals;
  locale: Locale;
}

// FunnelSteps geometry, in viewBox units (16 = 1 rem).
const LABEL_FONT = 15;
const LABEL_H = 22;
const BAR_H = 24;
const GAP_H = 26;
const ROW_H = LABEL_H + BAR_H;

/**
 * The funnel over the range: one bar per step, its width the step's share of the sessions (of the
 * largest step when there are none), with the step-to-step conversion between bars; below, the
 * overall conversion and the median speed-to-lead with its sample size.
 */
export function FunnelSteps({ totals, locale }: FunnelStepsProps) {
  const [ref, W] = useChartUnits<HTMLElement>();
  const counts = Object.fromEntries(FUNNEL_STEPS.map((s) => [s, count(totals[s])])) as StepCounts;
  const fractions = barFractions(counts);
  const H = FUNNEL_STEPS.length * ROW_H + (FUNNEL_STEPS.length - 1) * GAP_H;
  const scope = scopeLabel(locale, totals.storeId);
  const overall = formatRatio(locale, totals.conversion?.overall);
  const speed = formatSpeed(locale, totals.speedToLeadMinutesMedian);
  const title = `${funnelText(locale, 'steps.title')} · ${scope}`;
  const summary = funnelText(locale, 'steps.summary', { scope, steps: stepList(locale, counts), overall, speed });
  const contacted = count(totals.contactedLeads);

  return (
    <figure className="funnel funnel--steps" ref={ref} data-testid="funnel-steps">
      <svg className="funnel__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <title>{title}</title>
        {FUNNEL_STEPS.map((step, i) => {
          const y = i * (ROW_H + GAP_H);
          const frac = fractions[step];
          // A step with any count gets at least a sliver so it does not read as zero.
          const width = counts[step] > 0 ? Math.max(frac * W, 3) : 0;
          return (
            <g key={step} className={`funnel-step funnel-step--${i + 1}`} data-step={step}>
              <text className="funnel-step__name" x={0} y={y + LABEL_FONT} fontSize={LABEL_FONT}>
                {stepName(locale, step)}
              </text>
              <text className="funnel-step__count tabular" x={W} y={y + LABEL_FONT} fontSize={LABEL_FONT} textAnchor="end" data-testid={`funnel-count-${step}`}>
                {formatNumber(locale, counts[step])}
              </text>
              <rect className="funnel-step__track" x={0} y={y + LABEL_H} width={W} height={BAR_H} rx={4} />
              <rect className="funnel-step__bar" x={0} y={y + LABEL_H} width={width} height={BAR_H} rx={4} data-fraction={frac} />
            </g>
          );
        })}
        {STEP_CONVERSION.map((key, i) => {
          const y = (i + 1) * ROW_H + i * GAP_H + GAP_H / 2;
          return (
            <text key={key} className="funnel-step__conversion tabular" x={W / 2} y={y} dy="0.35em" fontSize={13} textAnchor="middle" data-testid={`funnel-conversion-${key}`}>
              {`↓ ${formatRatio(locale, totals.conversion?.[key])}`}
            </text>
          );
        })}
      </svg>
      <dl className="funnel__figures">
        <div className="funnel__figure">
          <dt>{funnelText(locale, 'steps.overall')}</dt>
          <dd className="tabular" data-testid="funnel-overall">
            {overall}
          </dd>
        </div>
        <div className="funnel__figure">
          <dt>{funnelText(locale, 'steps.speed')}</dt>
          <dd className="tabular" data-testid="funnel-speed">
            {speed}
          </dd>
          <dd className="funnel__sample tabular" data-testid="funnel-sample">
            {funnelText(locale, 'steps.speedSample', { count: formatNumber(locale, contacted) })}
          </dd>
        </div>
      </dl>
    </figure>
  );
}

export interface DailyFunnelChartProps {
  /** First and last China day of the range, `YYYY-MM-DD` (inclusive). */
  from: string;
  to: string;
  /** The API's rows (days with activity only); missing days are drawn as zeros. */
  rows: readonly FunnelRow[];
  /** One store's rows; null or absent: every store's rows summed per day. */
  storeId?: string | null;
  locale: Locale;
}

// DailyFunnelChart geometry, in viewBox units.
const AXIS_FONT = 12;
const DIGIT_W = AXIS_FONT * 0.62;
const DAY_LABEL_W = 5 * DIGIT_W;
const TOP = 10;
const BOTTOM = AXIS_FONT + 14;
const INSET = 8;
/** Points are drawn up to this many days; beyond, the lines alone read better. */
const MAX_POINT_DAYS = 62;

/**
 * The five steps per day as lines with points on one count scale, with nice y ticks and
 * gridlines, MM-DD day labels thinned to fit the width, and a legend. Hovering a day shows its
 * five counts (an SVG title per day column).
 */
export function DailyFunnelChart({ from, to, rows, storeId, locale }: DailyFunnelChartProps) {
  const [ref, W] = useChartUnits<HTMLElement>();
  const series = useMemo(() => dailySeries(from, to, rows, storeId), [from, to, rows, storeId]);
  const n = series.length;
  const max = seriesMax(series);
  const ticks = niceTicks(max, 4);
  const top = ticks[ticks.length - 1]!;
  const tickLabels = ticks.map((t) => formatNumber(locale, t));
  const left = Math.ceil(Math.max(...tickLabels.map((s) => s.length)) * DIGIT_W + 10);
  const right = Math.ceil(DAY_LABEL_W / 2) + 2;
  const H = Math.round(Math.min(340, Math.max(230, W * 0.42)));
  const plotBottom = H - BOTTOM;
  const x0 = left + INSET;
  const x1 = W - right - INSET;
  const xOf = n > 1 ? linear(0, n - 1, x0, x1) : () => (x0 + x1) / 2;
  const yOf = linear(0, top, plotBottom, TOP);
  const labelled = labelIndices(n, labelStride(n, x1 - x0, DAY_LABEL_W + 8));
  const column = n > 1 ? (x1 - x0) / (n - 1) : x1 - x0;

  const scope = scopeLabel(locale, storeId);
  const range = funnelText(locale, 'daily.range', { from, to });
  const title = `${funnelText(locale, 'daily.title')} · ${scope} · ${range}`;
  const summary = funnelText(locale, 'daily.summary', {
    scope,
    range,
    days: formatNumber(locale, n),
    steps: stepList(locale, sumSeries(series)),
    max: formatNumber(locale, max),
  });

  return (
    <figure className={n > MAX_POINT_DAYS * 2 ? 'funnel funnel--daily funnel--dense' : 'funnel funnel--daily'} ref={ref} data-testid="funnel-daily">
      <svg className="funnel__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <title>{title}</title>
        <g className="funnel-axis funnel-axis--y">
          {ticks.map((t, i) => (
            <g key={t} data-tick={t}>
              <line className={t === 0 ? 'funnel-axis__base' : 'funnel-axis__grid'} x1={left} x2={W - right} y1={yOf(t)} y2={yOf(t)} />
              <text className="funnel-axis__label tabular" x={left - 8} y={yOf(t)} dy="0.35em" fontSize={AXIS_FONT} textAnchor="end">
                {tickLabels[i]}
              </text>
            </g>
          ))}
        </g>
        <g className="funnel-axis funnel-axis--x">
          {labelled.map((i) => (
            <g key={i} data-day={series[i]!.day}>
              <line className="funnel-axis__tick" x1={xOf(i)} x2={xOf(i)} y1={plotBottom} y2={plotBottom + 4} />
              <text className="funnel-axis__label tabular" x={xOf(i)} y={plotBottom + 6 + AXIS_FONT} fontSize={AXIS_FONT} textAnchor="middle">
                {shortDay(series[i]!.day)}
              </text>
            </g>
          ))}
        </g>
        {FUNNEL_STEPS.map((step, s) => (
          <g key={step} className={`funnel-series funnel-series--${s + 1}`} data-step={step}>
            {n > 1 && (
              <polyline
                className="funnel-series__line"
                points={series.map((p, i) => `${round(xOf(i))},${round(yOf(p.counts[step]))}`).join(' ')}
              />
            )}
            {n <= MAX_POINT_DAYS &&
              series.map((p, i) => (
                <circle key={p.day} className="funnel-series__point" cx={round(xOf(i))} cy={round(yOf(p.counts[step]))} r={n > 31 ? 2.5 : 3.5} data-day={p.day} data-value={p.counts[step]} />
              ))}
          </g>
        ))}
        <g className="funnel-hover">
          {series.map((p, i) => (
            <rect key={p.day} x={round(xOf(i) - column / 2)} y={TOP} width={round(Math.max(column, 1))} height={plotBottom - TOP} data-day={p.day}>
              <title>{funnelText(locale, 'daily.day', { day: p.day, steps: stepList(locale, p.counts) })}</title>
            </rect>
          ))}
        </g>
      </svg>
      <ul className="funnel__legend" aria-label={funnelText(locale, 'daily.legend')}>
        {FUNNEL_STEPS.map((step, s) => (
          <li key={step} className="funnel-legend" data-step={step}>
            <svg className={`funnel-legend__swatch funnel-series--${s + 1}`} viewBox="0 0 24 12" aria-hidden="true">
              <line x1="1" x2="23" y1="6" y2="6" />
              <circle cx="12" cy="6" r="3.5" />
            </svg>
            {stepName(locale, step)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const round = (v: number) => Math.round(v * 10) / 10;
