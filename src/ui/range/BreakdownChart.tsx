import { BREAKDOWN_KEYS, type BreakdownKey } from '../../state/sim-protocol.ts';
import { MILD_AMBIENT_C } from '../../state/range-scenario.ts';
import { formatCelsius, formatNumber } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';

/** Colour group of each entry: road load, conversion losses, heat, housekeeping, recovered. */
const GROUP: Record<BreakdownKey, string> = {
  aero: 'road',
  rolling: 'road',
  grade: 'road',
  inertia: 'road',
  drivetrain: 'loss',
  battery: 'loss',
  climate: 'heat',
  batteryThermal: 'heat',
  auxiliaries: 'aux',
  regen: 'regen',
};

/** Entries this small are not drawn unless they always matter (a flat cycle has no grade). */
const HIDE_BELOW_KWH = 0.05;
const ALWAYS: ReadonlySet<BreakdownKey> = new Set(['aero', 'rolling', 'climate', 'regen']);

/** Rounds to the shown tenth, turning -0.0 into 0.0 (a cycle with no braking recovers nothing). */
function roundedTenths(v: number): number {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}

const sum = (b: Record<BreakdownKey, number>) => BREAKDOWN_KEYS.reduce((a, k) => a + b[k], 0);

interface Props {
  breakdown: Record<BreakdownKey, number>;
  totalKwhPer100km: number;
  /** The same drive on a mild day, drawn as light bands behind the bars. */
  reference?: Record<BreakdownKey, number> | null;
}

/**
 * Where the energy goes per 100 km, as horizontal bars on one shared scale with a zero axis:
 * consumers extend right, regen (negative) extends left of zero, so the bars add up visibly.
 * Light bands behind them show the same drive on a mild day: what winter adds stands out.
 */
export function BreakdownChart({ breakdown, totalKwhPer100km, reference }: Props) {
  const { t, locale } = useI18n();
  const shown = (k: BreakdownKey) =>
    ALWAYS.has(k) || Math.abs(breakdown[k]) >= HIDE_BELOW_KWH || Math.abs(reference?.[k] ?? 0) >= HIDE_BELOW_KWH;
  const rows = BREAKDOWN_KEYS.filter(shown);
  const values = rows.flatMap((k) => (reference ? [breakdown[k], reference[k]] : [breakdown[k]]));
  const maxPositive = Math.max(...values, 0.1);
  const maxNegative = Math.max(...values.map((v) => -v), 0);
  const span = maxPositive + maxNegative;
  // Bars live in a 0..100 coordinate box; zero sits where the negative side ends.
  const zero = (maxNegative / span) * 100;
  const scale = 100 / span;
  const rect = (v: number) => ({ x: v >= 0 ? zero : zero + v * scale, width: Math.abs(v) * scale });

  return (
    <div className="breakdown-wrap">
      <div className="breakdown" role="table" aria-label={t('range.breakdown')}>
        {rows.map((key) => (
          <div className="breakdown__row" role="row" key={key} data-key={key}>
            <span className="breakdown__label" role="rowheader">
              <span className={`dot dot--${GROUP[key]}`} aria-hidden="true" />
              {t(`breakdown.${key}`)}
            </span>
            <svg className="breakdown__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              {reference && <rect className="bar--reference" {...rect(reference[key])} y="0" height="10" />}
              <rect className={`bar bar--${GROUP[key]}`} {...rect(breakdown[key])} y="2" height="6" />
              <line className="breakdown__zero" x1={zero} x2={zero} y1="0" y2="10" vectorEffect="non-scaling-stroke" />
            </svg>
            <span className="breakdown__value tabular" role="cell" data-testid={`breakdown-${key}`}>
              {formatNumber(locale, roundedTenths(breakdown[key]), 1)}
            </span>
          </div>
        ))}
        <div className="breakdown__rule" aria-hidden="true" />
        <div className="breakdown__row breakdown__row--total" role="row">
          <span className="breakdown__label" role="rowheader">
            {t('range.breakdown.total')}
          </span>
          <span />
          <span className="breakdown__value tabular" role="cell" data-testid="breakdown-total">
            {t('unit.kwhPer100km', { value: formatNumber(locale, totalKwhPer100km, 1) })}
          </span>
        </div>
      </div>
      {reference && (
        <p className="breakdown__legend" data-testid="breakdown-reference">
          <span className="swatch" aria-hidden="true" />
          {t('range.breakdown.reference', {
            ambient: formatCelsius(locale, MILD_AMBIENT_C),
            total: t('unit.kwhPer100km', { value: formatNumber(locale, sum(reference), 1) }),
          })}
        </p>
      )}
    </div>
  );
}
