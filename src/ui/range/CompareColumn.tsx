import { COMPARE_GROUPS, groupBreakdown } from '../../state/compare-store.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';
import type { RangeResult } from '../../state/sim-protocol.ts';
import { formatCelsius, formatNumber, formatPercent, kmParts } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';

interface Props {
  index: number;
  presetId: string;
  presets: ScenarioPreset[];
  result: RangeResult | undefined;
  ratedKm: number | undefined;
  scales: { rangeKm: number; groupKwh: number };
  onPick: (id: string) => void;
  onRemove?: () => void;
}

/** One compare column: the scenario, its range on the shared scale, consumption and energy groups. */
export function CompareColumn({ index, presetId, presets, result, ratedKm, scales, onPick, onRemove }: Props) {
  const { t, locale } = useI18n();
  const preset = presets.find((p) => p.id === presetId);
  const km = result ? kmParts(locale, result.rangeKm) : null;
  const groups = result ? groupBreakdown(result.breakdownKwhPer100km) : null;
  const pct = (v: number, of: number) => `${Math.max(0, Math.min(100, (v / of) * 100))}%`;
  return (
    <article className="compare__col card" data-testid={`compare-col-${index}`} data-preset={presetId}>
      <div className="compare__head">
        <select
          className="compare__select"
          value={presetId}
          aria-label={t('range.compare.pick', { n: index + 1 })}
          data-testid={`compare-select-${index}`}
          onChange={(e) => onPick(e.currentTarget.value)}
        >
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.scenario.name?.[locale] ?? p.id} · ${formatCelsius(locale, p.scenario.ambientC)}`}
            </option>
          ))}
        </select>
        {onRemove && (
          <button type="button" className="compare__remove" aria-label={t('range.compare.remove')} data-testid={`compare-remove-${index}`} onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      <p className="compare__desc">{preset?.scenario.description?.[locale] ?? '\u00a0'}</p>
      {result && km && groups ? (
        <>
          <p className="compare__range">
            <span className="compare__km tabular" data-testid={`compare-km-${index}`} data-range-km={result.rangeKm.toFixed(1)}>
              {km.value}
            </span>
            <span className="compare__unit">{km.unit}</span>
          </p>
          <div className="compare__rangebar" aria-hidden="true">
            <span style={{ width: pct(result.rangeKm, scales.rangeKm) }} />
            {ratedKm !== undefined && <i style={{ left: pct(ratedKm, scales.rangeKm) }} />}
          </div>
          <dl className="compare__stats">
            <div>
              <dt>{t('range.compare.ofCltc')}</dt>
              <dd className="tabular" data-testid={`compare-pct-${index}`}>
                {ratedKm ? formatPercent(locale, result.rangeKm / ratedKm) : '—'}
              </dd>
            </div>
            <div>
              <dt>{t('range.battery')}</dt>
              <dd className="tabular">{t('unit.kwhPer100km', { value: formatNumber(locale, result.batteryKwhPer100km, 1) })}</dd>
            </div>
          </dl>
          <div className="compare__groups" role="table" aria-label={t('range.breakdown')}>
            {COMPARE_GROUPS.map((g) => (
              <div className="compare__group" role="row" key={g} data-group={g}>
                <span role="rowheader">{t(`range.compare.group.${g}`)}</span>
                <span className="compare__bar" aria-hidden="true">
                  <span className={`compare__fill compare__fill--${g}`} style={{ width: pct(Math.abs(groups[g]), scales.groupKwh) }} />
                </span>
                <span role="cell" className="tabular">{formatNumber(locale, Math.round(groups[g] * 10) / 10 || 0, 1)}</span>
              </div>
            ))}
          </div>
        </>
      ) : (
        <div className="screen-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('range.computing')}
        </div>
      )}
    </article>
  );
}
