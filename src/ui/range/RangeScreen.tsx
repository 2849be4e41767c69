import { useEffect } from 'react';
import { useLineupStore } from '../../state/lineup-store.ts';
import { presetCatalogue } from '../../state/scenario-presets.ts';
import { useI18n } from '../use-i18n.ts';
import { useRangeSelection } from './use-range-selection.ts';
import { RangeRequests } from './RangeRequests.tsx';
import { TrimPicker } from './TrimPicker.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { TemperatureSlider } from './TemperatureSlider.tsx';
import { ClimateToggle } from './ClimateToggle.tsx';
import { RangeResultPanel } from './RangeResultPanel.tsx';
import { FailureCard } from './FailureCard.tsx';
import { RangeCurve } from './RangeCurve.tsx';
import '../styles/range-pickers.css';
import '../styles/range-temperature.css';
import '../styles/range-result.css';
// Last: its media queries override the rules above.
import '../styles/range-layout.css';

/** Range lab, first version: trim, scenario, temperature and climate in; range and energy out. */
export function RangeScreen() {
  const { t } = useI18n();
  const status = useLineupStore((s) => s.status);
  const entries = useLineupStore((s) => s.entries);
  const lineupFailure = useLineupStore((s) => s.failure);
  useEffect(() => {
    if (useLineupStore.getState().status === 'idle') void useLineupStore.getState().load();
  }, []);
  const selection = useRangeSelection();
  const ratedKm = selection.entry?.status === 'ok' ? selection.entry.spec.rated?.cltcKm : undefined;

  if (status === 'error' && lineupFailure) {
    return (
      <FailureCard
        title={t('range.error.lineup')}
        failure={lineupFailure}
        onRetry={() => void useLineupStore.getState().load()}
      />
    );
  }
  if (status !== 'ready') {
    return (
      <div className="screen-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('range.loading')}
      </div>
    );
  }
  if (presetCatalogue.presets.length === 0) {
    return <FailureCard title={t('range.error.noScenarios')} failure={presetCatalogue.failures[0] ?? null} />;
  }

  return (
    <section className="range" aria-labelledby="range-title">
      <h1 id="range-title" className="visually-hidden">
        {t('range.title')}
      </h1>
      <div className="range__trims">
        <TrimPicker entries={entries} />
      </div>
      <div className="range__controls card">
        <ScenarioPicker presets={presetCatalogue.presets} />
        <TemperatureSlider
          preset={selection.preset}
          aside={<ClimateToggle />}
          chart={<RangeCurve ratedKm={ratedKm} />}
        />
      </div>
      <RangeResultPanel entry={selection.entry} />
      <RangeRequests entry={selection.entry} preset={selection.preset} />
    </section>
  );
}
