import type { LineupEntry } from '../../state/lineup-store.ts';
import type { Locale } from '../../i18n/messages.ts';
import { settingsText } from './settings-text.ts';

type Props = {
  locale: Locale;
  /** Every trim of the line-up, in models/index.json's order. */
  lineup: LineupEntry[];
  /** The ids shown, in order; null: every car of the line-up. */
  cars: string[] | null;
  /** Called with a change of the shown ids (applied to the latest draft). */
  onChange: (change: (shown: string[]) => string[]) => void;
  error: string | null;
  disabled: boolean;
};

const nameOf = (e: LineupEntry | undefined, id: string, locale: Locale) => (e?.status === 'ok' ? e.spec.name[locale] : (e?.name?.[locale] ?? id));

/**
 * The cars a store's kiosks show and their order: the shown ones first, in order, each with up and
 * down buttons; the rest of the line-up after them, unticked. Ids the line-up no longer has stay
 * listed (the schema then names them), so nothing disappears unseen.
 */
export function CarsOrderField({ locale, lineup, cars, onChange, error, disabled }: Props) {
  const t = (key: Parameters<typeof settingsText>[1], params?: Record<string, string>) => settingsText(locale, key, params);
  const byId = new Map(lineup.map((e) => [e.id, e]));
  const shown = cars ?? lineup.map((e) => e.id);
  const rows = [...shown, ...lineup.map((e) => e.id).filter((id) => !shown.includes(id))];
  const move = (id: string, by: -1 | 1) =>
    onChange((ids) => {
      const i = ids.indexOf(id);
      if (i < 0 || i + by < 0 || i + by >= ids.length) return ids;
      const next = [...ids];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const toggle = (id: string) => onChange((ids) => (ids.includes(id) ? ids.filter((c) => c !== id) : [...ids, id]));
  return (
    <fieldset className="rep-settings__section" aria-describedby={error ? 'settings-cars-error' : undefined} data-testid="settings-cars">
      <legend>{t('section.cars')}</legend>
      <p className="rep-muted">{lineup.length === 0 ? t('cars.lineupLoading') : t('cars.hint')}</p>
      <ol className="rep-cars">
        {rows.map((id) => {
          const i = shown.indexOf(id);
          const name = nameOf(byId.get(id), id, locale);
          return (
            <li key={id} className="rep-cars__row" data-car={id} data-shown={i >= 0}>
              <label className="rep-check">
                <input type="checkbox" checked={i >= 0} disabled={disabled} onChange={() => toggle(id)} />
                <span>{name}</span>
              </label>
              <span className="rep-cars__moves">
                <button type="button" className="button button--small" aria-label={t('cars.up', { car: name })} disabled={disabled || i <= 0} onClick={() => move(id, -1)}>
                  ↑
                </button>
                <button type="button" className="button button--small" aria-label={t('cars.down', { car: name })} disabled={disabled || i < 0 || i >= shown.length - 1} onClick={() => move(id, 1)}>
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {error && (
        <p className="rep-problem" id="settings-cars-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
