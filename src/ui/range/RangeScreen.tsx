import { useEffect } from 'react';
import { useLineupStore } from '../../state/lineup-store.ts';
import { presetCatalogue } from '../../state/scenario-presets.ts';
import { useI18n } from '../use-i18n.ts';
import { useRangeSimulation } from './use-range-simulation.ts';
import { TrimPicker } from './TrimPicker.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { TemperatureSlider } from './TemperatureSlider.tsx';
import { ClimateToggle } from './ClimateToggle.tsx';
import { RangeResultPanel } from './RangeResultPanel.tsx';
import { FailureCard } from './FailureCard.tsx';
import { RangeCurve } from './RangeCurve.tsx';
import { useRangeStore } from '../../state/range-store.ts';
import '../styles/range.css';

/** Range lab, first version: trim, scenario, temperature and climate in; range and energy out. */
export function RangeScreen() {
  const { t } = useI18n();
  const lineup = useLineupStore();
  useEffect(() => {
    if (useLineupStore.getState().status === 'idle') void useLineupStore.getState().load();
  }, []);
  const selection = useRangeSimulation();
  const ambientC = useRangeStore((s) => s.ambientC);
  const result = useRangeStore((s) => s.result);
  const ratedKm = selection.entry?.status === 'ok' ? selection.entry.spec.rated?.cltcKm : undefined;

  if (lineup.status === 'error' && lineup.failure) {
    return (
      <FailureCard
        title={t('range.error.lineup')}
        failure={lineup.failure}
        onRetry={() => void useLineupStore.getState().load()}
      />
    );
  }
  if (lineup.status !== 'ready') {
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
        <TrimPicker entries={lineup.entries} />
      </div>
      <div className="range__controls card">
        <ScenarioPicker presets={presetCatalogue.presets} />
        <TemperatureSlider
          preset={selection.preset}
          aside={<ClimateToggle />}
          chart={<RangeCurve ambientC={ambientC ?? 0} rangeKm={result?.rangeKm ?? null} ratedKm={ratedKm} />}
        />
      </div>
      <RangeResultPanel entry={selection.entry} />
    </section>
  );
}
