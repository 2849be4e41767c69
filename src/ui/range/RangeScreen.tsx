import { useEffect, useState } from 'react';
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
import { DrivePicker } from './DrivePicker.tsx';
import { LoadControls } from './LoadControls.tsx';
import { AdviceCard } from './AdviceCard.tsx';
import { CompareView } from './CompareView.tsx';
import '../styles/range-pickers.css';
import '../styles/range-temperature.css';
import '../styles/range-result.css';
import '../styles/range-drive.css';
import '../styles/range-compare.css';
// Last: its media queries override the rules above.
import '../styles/range-layout.css';

type Tab = 'conditions' | 'drive' | 'advice';
const TABS: Tab[] = ['conditions', 'drive', 'advice'];
const TAB_LABEL = { conditions: 'range.tab.conditions', drive: 'range.tab.drive', advice: 'range.tab.advice' } as const;

/**
 * Range lab: trim, scenario and temperature, or drive, cabin and load (a tab each, so a kiosk
 * shows everything without scrolling) in, with advice on what would give range back; range and energy out.
 */
export function RangeScreen() {
  const { t } = useI18n();
  const status = useLineupStore((s) => s.status);
  const entries = useLineupStore((s) => s.entries);
  const lineupFailure = useLineupStore((s) => s.failure);
  useEffect(() => {
    if (useLineupStore.getState().status === 'idle') void useLineupStore.getState().load();
  }, []);
  const selection = useRangeSelection();
  const [tab, setTab] = useState<Tab>('conditions');
  const [mode, setMode] = useState<'lab' | 'compare'>('lab');
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
    <section className={`range${mode === 'compare' ? ' range--compare' : ''}`} aria-labelledby="range-title">
      <h1 id="range-title" className="visually-hidden">
        {t('range.title')}
      </h1>
      <div className="range__trims" data-free-cell={entries.length % 3 !== 0}>
        <TrimPicker entries={entries} />
        <div className="segmented range__modes" role="group" aria-label={t('range.mode')}>
          {(['lab', 'compare'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="segmented__option"
              aria-pressed={mode === m}
              data-testid={`range-mode-${m}`}
              onClick={() => setMode(m)}
            >
              {t(m === 'lab' ? 'range.mode.lab' : 'range.mode.compare')}
            </button>
          ))}
        </div>
      </div>
      {mode === 'compare' ? (
        <div className="range__compare">
          <CompareView entry={selection.entry} presets={presetCatalogue.presets} />
        </div>
      ) : (
      <>
      <div className="range__controls card">
        <div className="segmented range__tabs" role="tablist" aria-label={t('range.tabs')}>
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              id={`range-tab-${k}`}
              aria-controls={`range-panel-${k}`}
              aria-selected={tab === k}
              className="segmented__option"
              data-testid={`range-tab-${k}`}
              onClick={() => setTab(k)}
            >
              {t(TAB_LABEL[k])}
            </button>
          ))}
        </div>
        {/* Both panels stay mounted: the curve keeps its state and nothing refetches on a tab switch. */}
        <div className="range__panel" role="tabpanel" id="range-panel-conditions" aria-labelledby="range-tab-conditions" hidden={tab !== 'conditions'}>
          <ScenarioPicker presets={presetCatalogue.presets} />
          <TemperatureSlider
            preset={selection.preset}
            aside={<ClimateToggle />}
            chart={<RangeCurve ratedKm={ratedKm} />}
          />
        </div>
        <div className="range__panel" role="tabpanel" id="range-panel-drive" aria-labelledby="range-tab-drive" hidden={tab !== 'drive'}>
          <DrivePicker />
          <LoadControls />
        </div>
        <div className="range__panel" role="tabpanel" id="range-panel-advice" aria-labelledby="range-tab-advice" hidden={tab !== 'advice'}>
          {tab === 'advice' && <AdviceCard entry={selection.entry} preset={selection.preset} />}
        </div>
      </div>
      <RangeResultPanel entry={selection.entry} />
      </>
      )}
      <RangeRequests entry={selection.entry} preset={selection.preset} />
    </section>
  );
}
