import { AMBIENT_MAX_C, AMBIENT_MIN_C } from '../../state/range-scenario.ts';
import { useCurveStore } from '../../state/curve-store.ts';
import { useRangeStore } from '../../state/range-store.ts';
import { formatKm } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';
import { useElementSize } from '../use-element-size.ts';

/** Half the slider thumb (44 px): the slider's value scale starts and ends this far inside. */
const THUMB_INSET_PX = 22;
const TOP_PX = 8;
const BOTTOM_PX = 6;

interface Props {
  ratedKm: number | undefined;
}

/** A round gridline step giving at most four lines up to `maxKm`. */
function niceStep(maxKm: number): number {
  return [50, 100, 200, 250, 500, 1000].find((s) => maxKm / s <= 4) ?? 1000;
}

/**
 * Range against ambient temperature for the current settings, drawn on the slider's own x scale
 * (it sits right above it), with the CLTC rating dashed and the current result marked.
 */
export function RangeCurve({ ratedKm }: Props) {
  const { t, locale } = useI18n();
  const curve = useCurveStore((s) => s.curve);
  const stale = useCurveStore((s) => s.stale);
  const failed = useCurveStore((s) => s.failed);
  const ambientC = useRangeStore((s) => s.ambientC) ?? 0;
  const rangeKm = useRangeStore((s) => s.result?.rangeKm ?? null);
  const [ref, { width, height }] = useElementSize<HTMLDivElement>();

  const maxKm = Math.max(...(curve?.rangeKm ?? [0]), ratedKm ?? 0, rangeKm ?? 0, 1);
  const step = niceStep(maxKm);
  const yMax = Math.ceil((maxKm * 1.08) / step) * step;
  const x = (a: number) => THUMB_INSET_PX + ((a - AMBIENT_MIN_C) / (AMBIENT_MAX_C - AMBIENT_MIN_C)) * (width - 2 * THUMB_INSET_PX);
  const y = (km: number) => TOP_PX + (1 - km / yMax) * (height - TOP_PX - BOTTOM_PX);
  const ready = width > 0 && height > 0;

  const points = curve ? curve.ambientC.map((a, i) => [x(a), y(curve.rangeKm[i]!)] as const) : [];
  const line = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`).join(' ');
  const area = points.length ? `${line} L${points.at(-1)![0].toFixed(1)} ${y(0)} L${points[0]![0].toFixed(1)} ${y(0)} Z` : '';

  return (
    <figure className="curve" data-stale={stale} aria-label={t('range.curve')}>
      <figcaption className={failed ? 'curve__caption' : 'visually-hidden'}>
        {failed ? t('range.curve.failed') : t('range.curve')}
      </figcaption>
      <div className="curve__plot" ref={ref}>
        {ready && (
          <svg width={width} height={height} data-testid="range-curve" aria-hidden="true">
            <defs>
              <linearGradient id="curve-line" gradientUnits="userSpaceOnUse" x1={x(AMBIENT_MIN_C)} x2={x(AMBIENT_MAX_C)} y1="0" y2="0">
                <stop offset="0" stopColor="#60a5fa" />
                <stop offset="0.4" stopColor="#a5f3fc" />
                <stop offset="0.7" stopColor="#fde68a" />
                <stop offset="1" stopColor="#fb923c" />
              </linearGradient>
              <linearGradient id="curve-area" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0" stopColor="#38bdf8" stopOpacity="0.22" />
                <stop offset="1" stopColor="#38bdf8" stopOpacity="0" />
              </linearGradient>
            </defs>
            {Array.from({ length: yMax / step }, (_, i) => (i + 1) * step).map((km) => (
              <g key={km} className="curve__grid">
                <line x1={THUMB_INSET_PX} x2={width - THUMB_INSET_PX} y1={y(km)} y2={y(km)} />
                <text x={THUMB_INSET_PX} y={y(km) - 4}>
                  {formatKm(locale, km)}
                </text>
              </g>
            ))}
            <line className="curve__axis" x1={THUMB_INSET_PX} x2={width - THUMB_INSET_PX} y1={y(0)} y2={y(0)} />
            {ratedKm !== undefined && (
              <g className="curve__rated">
                <line x1={THUMB_INSET_PX} x2={width - THUMB_INSET_PX} y1={y(ratedKm)} y2={y(ratedKm)} />
                <text x={width - THUMB_INSET_PX} y={y(ratedKm) - 5} textAnchor="end">
                  CLTC {formatKm(locale, ratedKm)}
                </text>
              </g>
            )}
            {curve && (
              <>
                <path d={area} fill="url(#curve-area)" />
                <path d={line} fill="none" stroke="url(#curve-line)" strokeWidth="3" strokeLinejoin="round" />
                {curve.ambientC.map((a, i) => (
                  <circle
                    key={a}
                    className="curve__point"
                    cx={x(a)}
                    cy={y(curve.rangeKm[i]!)}
                    r="2.5"
                    data-ambient-c={a}
                    data-range-km={curve.rangeKm[i]!.toFixed(1)}
                  />
                ))}
              </>
            )}
            {rangeKm !== null && (
              <g className="curve__marker" data-testid="curve-marker" data-ambient-c={ambientC}>
                <line x1={x(ambientC)} x2={x(ambientC)} y1={y(rangeKm)} y2={y(0)} />
                <circle cx={x(ambientC)} cy={y(rangeKm)} r="8" />
                {/* The number at the finger: on a phone the big readout is scrolled away. */}
                <text
                  className="curve__marker-label"
                  x={Math.min(Math.max(x(ambientC), 40), width - 40)}
                  y={Math.max(y(rangeKm) - 16, 12)}
                  textAnchor="middle"
                >
                  {formatKm(locale, rangeKm)}
                </text>
              </g>
            )}
          </svg>
        )}
      </div>
    </figure>
  );
}
