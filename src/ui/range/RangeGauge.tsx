import { formatKm, formatPercent, kmParts } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';

const R = 84;
const CIRCUMFERENCE = 2 * Math.PI * R;
/** The gauge is a 270° arc open at the bottom. */
const ARC = 0.75 * CIRCUMFERENCE;

/** The headline: simulated range as a big number on an arc filled to its share of CLTC. */
export function RangeGauge({ rangeKm, ratedKm }: { rangeKm: number; ratedKm: number | undefined }) {
  const { t, locale } = useI18n();
  const share = ratedKm ? rangeKm / ratedKm : null;
  const filled = ARC * Math.min(1, Math.max(0, share ?? 0));
  const { value, unit } = kmParts(locale, rangeKm);
  return (
    <div className="gauge">
      <svg className="gauge__arc" viewBox="0 0 200 200" aria-hidden="true">
        <defs>
          <linearGradient id="gauge-fill" x1="0" y1="1" x2="1" y2="0">
            <stop offset="0" stopColor="#5eead4" />
            <stop offset="1" stopColor="#38bdf8" />
          </linearGradient>
        </defs>
        <circle
          cx="100"
          cy="100"
          r={R}
          fill="none"
          stroke="rgba(255,255,255,0.08)"
          strokeWidth="12"
          strokeLinecap="round"
          strokeDasharray={`${ARC} ${CIRCUMFERENCE}`}
          transform="rotate(135 100 100)"
        />
        {share !== null && (
          <circle
            className="gauge__fill"
            cx="100"
            cy="100"
            r={R}
            fill="none"
            stroke="url(#gauge-fill)"
            strokeWidth="12"
            strokeLinecap="round"
            strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
            transform="rotate(135 100 100)"
          />
        )}
      </svg>
      <div className="gauge__center">
        <span className="gauge__label">{t('range.result')}</span>
        <span className="gauge__value tabular">
          <span data-testid="range-km">{value}</span>
          <span className="gauge__unit">{unit}</span>
        </span>
        <span className="gauge__rated" data-testid="range-rated">
          {ratedKm && share !== null
            ? t('range.ofRated', { percent: formatPercent(locale, share), rated: formatKm(locale, ratedKm) })
            : t('range.noRated')}
        </span>
      </div>
    </div>
  );
}
