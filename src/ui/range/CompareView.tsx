import { useEffect } from 'react';
import {
  COMPARE_MAX_COLUMNS,
  defaultCompareIds,
  sharedScales,
  useCompareStore,
} from '../../state/compare-store.ts';
import type { LineupEntry } from '../../state/lineup-store.ts';
import { requestCompare } from '../../state/range-sim.ts';
import { recordEvent, sessionEventTypes } from '../../state/session-events.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';
import { CompareColumn } from './CompareColumn.tsx';
import { FailureCard } from './FailureCard.tsx';

interface Props {
  entry: LineupEntry | undefined;
  presets: ScenarioPreset[];
}

/**
 * Two or three presets side by side for the lab's trim, each column on the same scales (range
 * and energy) so the difference is seen, not read. Records 'compared-scenarios' once a session.
 */
export function CompareView({ entry, presets }: Props) {
  const { t, locale } = useI18n();
  const presetIds = useCompareStore((s) => s.presetIds);
  const results = useCompareStore((s) => s.results);
  const failure = useCompareStore((s) => s.failure);
  const stale = useCompareStore((s) => s.stale);
  const store = useCompareStore.getState();
  const ratedKm = entry?.status === 'ok' ? entry.spec.rated?.cltcKm : undefined;

  useEffect(() => {
    if (useCompareStore.getState().presetIds.length === 0) {
      useCompareStore.getState().setColumns(defaultCompareIds(presets.map((p) => p.id)));
    }
  }, [presets]);

  useEffect(() => {
    if (entry?.status !== 'ok' || presetIds.length === 0) return;
    const chosen = presetIds.map((id) => presets.find((p) => p.id === id)).filter((p) => p !== undefined);
    requestCompare({
      vehicle: entry.raw,
      vehicleSource: entry.source,
      scenarios: chosen.map((p) => ({ scenario: p.raw, source: p.source })),
    });
  }, [entry, presetIds, presets]);

  useEffect(() => {
    if (results && !stale && !sessionEventTypes().includes('compared-scenarios')) recordEvent('compared-scenarios');
  }, [results, stale]);

  if (entry?.status === 'error') return <FailureCard title={t('range.error.vehicle')} failure={entry.failure} />;
  if (failure) return <FailureCard title={t('range.error.sim')} failure={failure} />;

  const shown = results && results.length === presetIds.length ? results : null;
  const scales = sharedScales(shown ?? [], ratedKm);
  const diffKm = shown && shown.length >= 2 ? Math.max(...shown.map((r) => r.rangeKm)) - Math.min(...shown.map((r) => r.rangeKm)) : null;
  return (
    <section className="compare" data-stale={stale} aria-busy={stale} aria-label={t('range.compare')}>
      <div className="compare__bar-top">
        <p className="compare__summary" data-testid="compare-summary">
          {entry?.status === 'ok' && <strong>{entry.spec.name[locale]}</strong>}
          {diffKm !== null && <span>{t('range.compare.diff', { km: formatNumber(locale, Math.round(diffKm)) })}</span>}
        </p>
        {presetIds.length < COMPARE_MAX_COLUMNS && (
          <button
            type="button"
            className="button button--ghost compare__add"
            data-testid="compare-add"
            onClick={() => store.addColumn(presets.find((p) => !presetIds.includes(p.id))?.id ?? presets[0]!.id)}
          >
            {t('range.compare.add')}
          </button>
        )}
      </div>
      <div className="compare__cols" style={{ ['--cols' as string]: presetIds.length }}>
        {presetIds.map((id, i) => (
          <CompareColumn
            key={i}
            index={i}
            presetId={id}
            presets={presets}
            result={shown?.[i]}
            ratedKm={ratedKm}
            scales={scales}
            onPick={(p) => store.setColumn(i, p)}
            onRemove={presetIds.length > 2 ? () => store.removeColumn(i) : undefined}
          />
        ))}
      </div>
    </section>
  );
}
