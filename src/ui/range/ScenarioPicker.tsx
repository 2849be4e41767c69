import { presetDefaults } from '../../state/range-scenario.ts';
import { useRangeStore } from '../../state/range-store.ts';
import type { ScenarioPreset } from '../../state/scenario-presets.ts';
import { formatCelsius } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';

/** Preset chips, coldest first, each with its temperature. */
export function ScenarioPicker({ presets }: { presets: ScenarioPreset[] }) {
  const { t, locale } = useI18n();
  const presetId = useRangeStore((s) => s.presetId);
  const select = useRangeStore((s) => s.selectPreset);
  const description = presets.find((p) => p.id === presetId)?.scenario.description?.[locale];
  return (
    <fieldset className="picker">
      <legend className="picker__label">{t('range.scenario')}</legend>
      <div className="chips">
        {presets.map((p) => (
          <button
            key={p.id}
            type="button"
            className="chip"
            aria-pressed={p.id === presetId}
            data-testid={`preset-${p.id}`}
            onClick={() => select(p.id, presetDefaults(p))}
          >
            <span className="chip__name">{p.scenario.name?.[locale] ?? p.id}</span>
            <span className={`chip__temp ${p.scenario.ambientC < 5 ? 'is-cold' : p.scenario.ambientC > 28 ? 'is-hot' : ''}`}>
              {formatCelsius(locale, p.scenario.ambientC)}
            </span>
          </button>
        ))}
      </div>
      <p className="picker__note" data-testid="preset-description">
        {description ?? '\u00a0'}
      </p>
    </fieldset>
  );
}
