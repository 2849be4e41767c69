import type { LineupEntry } from '../../state/lineup-store.ts';
import { useRangeStore } from '../../state/range-store.ts';
import { formatKm, formatNumber } from '../../i18n/index.ts';
import { useI18n } from '../use-i18n.ts';

/** One card per trim: name, pack, heating equipment, CLTC rating. Broken bundles are marked. */
export function TrimPicker({ entries }: { entries: LineupEntry[] }) {
  const { t, locale } = useI18n();
  const vehicleId = useRangeStore((s) => s.vehicleId);
  const select = useRangeStore((s) => s.selectVehicle);
  return (
    <fieldset className="picker">
      <legend className="picker__label">{t('range.trim')}</legend>
      <div className="trims">
        {entries.map((e) => (
          <button
            key={e.id}
            type="button"
            className={`trim${e.status === 'error' ? ' trim--broken' : ''}`}
            aria-pressed={e.id === vehicleId}
            data-testid={`trim-${e.id}`}
            onClick={() => select(e.id)}
          >
            {e.status === 'ok' ? (
              <>
                <span className="trim__name">{e.spec.name[locale]}</span>
                <span className="trim__facts">
                  <span>{t('unit.kwh', { value: formatNumber(locale, e.spec.battery.usableKwh, 0) })}</span>
                  <span>{e.spec.battery.chemistry}</span>
                  <span className={e.spec.hvac.heatPump ? 'badge badge--hp' : 'badge'}>
                    {t(e.spec.hvac.heatPump ? 'range.heatPump' : 'range.ptc')}
                  </span>
                  {e.spec.rated?.cltcKm !== undefined && (
                    <span className="trim__rated">CLTC {formatKm(locale, e.spec.rated.cltcKm)}</span>
                  )}
                </span>
              </>
            ) : (
              <>
                <span className="trim__name">{e.name?.[locale] ?? e.id}</span>
                <span className="trim__facts trim__facts--error">{t('range.error.vehicle')}</span>
              </>
            )}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
