import { BREAKDOWN_KEYS, type BreakdownKey } from '../../state/sim-protocol.ts';
import { formatNumber } from '../../i18n/index.ts';
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

interface Props {
  breakdown: Record<BreakdownKey, number>;
  totalKwhPer100km: number;
}

/**
 * Where the energy goes per 100 km, as horizontal bars on one shared scale with a zero axis:
 * consumers extend right, regen (negative) extends left of zero, so the bars add up visibly.
 */
export function BreakdownChart({ breakdown, totalKwhPer100km }: Props) {
  const { t, locale } = useI18n();
  const rows = BREAKDOWN_KEYS.filter((k) => ALWAYS.has(k) || Math.abs(breakdown[k]) >= HIDE_BELOW_KWH);
  const maxPositive = Math.max(...rows.map((k) => breakdown[k]), 0.1);
  const maxNegative = Math.max(...rows.map((k) => -breakdown[k]), 0);
  const span = maxPositive + maxNegative;
  // Bars live in a 0..100 coordinate box; zero sits where the negative side ends.
  const zero = (maxNegative / span) * 100;
  const scale = 100 / span;

  return (
    <div className="breakdown" role="table" aria-label={t('range.breakdown')}>
      {rows.map((key) => {
        const v = breakdown[key];
        const x = v >= 0 ? zero : zero + v * scale;
        return (
          <div className="breakdown__row" role="row" key={key} data-key={key}>
            <span className="breakdown__label" role="rowheader">
              <span className={`dot dot--${GROUP[key]}`} aria-hidden="true" />
              {t(`breakdown.${key}`)}
            </span>
            <svg className="breakdown__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect className={`bar bar--${GROUP[key]}`} x={x} y="1" width={Math.abs(v) * scale} height="8" rx="0" />
              <line className="breakdown__zero" x1={zero} x2={zero} y1="0" y2="10" vectorEffect="non-scaling-stroke" />
            </svg>
            <span className="breakdown__value tabular" role="cell" data-testid={`breakdown-${key}`}>
              {formatNumber(locale, roundedTenths(v), 1)}
            </span>
          </div>
        );
      })}
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
  );
}
