import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../leads/api-client.ts';
import { LOCALES } from '../../i18n/messages.ts';
import { useLineupStore } from '../../state/lineup-store.ts';
import { repApi, useRepSession } from '../../state/rep-session.ts';
import { useStoreSettings } from '../../state/settings-store.ts';
import { StoreIdSchema } from '../../leads/lead-schema.ts';
import type { StoreSettingsResponse } from '../../store/settings-issues.ts';
import { CarsOrderField } from './CarsOrderField.tsx';
import { checkDraft, draftOf, IDLE_KEYS, issueText, PRICE_KEYS, type SettingsDraft } from './settings-form.ts';
import { settingsText, type SettingsMessageKey } from './settings-text.ts';
import { errorMessage, useApiQuery } from './use-api.ts';
import { useRepI18n } from './use-rep-i18n.ts';

/**
 * "门店设置 / Store settings" for managers: a form over the store file (names, cars and their order,
 * prices, idle times, languages, share origin), checked field by field with the schema the server
 * uses, saved with PUT /api/store-settings. When the file is bad, the server's problem is shown
 * first: the kiosks run on the last good settings (or the defaults), which the form starts from, so
 * saving it replaces the bad file.
 */
export function StoreSettingsCard() {
  const { locale } = useRepI18n();
  const t = (key: SettingsMessageKey, params?: Record<string, string | number>) => settingsText(locale, key, params);
  const allStores = useRepSession((s) => s.storeId === null);
  const [storeInput, setStoreInput] = useState('');
  const [store, setStore] = useState('');
  const query = useApiQuery(`store-settings:${store}`, () => repApi.storeSettings(store || undefined));
  const [current, setCurrent] = useState<StoreSettingsResponse | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [status, setStatus] = useState<{ saving: boolean; message: string | null; ok: boolean }>({ saving: false, message: null, ok: false });
  const lineup = useLineupStore((s) => s.all);
  const lineupReady = useLineupStore((s) => s.status === 'ready');

  useEffect(() => {
    if (useLineupStore.getState().status === 'idle') void useLineupStore.getState().load();
  }, []);
  useEffect(() => {
    if (!query.data) return;
    setCurrent(query.data);
    setDraft(draftOf(query.data.settings));
    setStatus({ saving: false, message: null, ok: false });
  }, [query.data]);

  const lineupIds = useMemo(() => (lineupReady ? lineup.map((e) => e.id) : undefined), [lineup, lineupReady]);
  const check = useMemo(() => (draft ? checkDraft(draft, lineupIds) : null), [draft, lineupIds]);
  const errorAt = (path: string) => (check && !check.ok && check.errors.has(path) ? issueText(locale, path, check.errors.get(path)!) : null);
  const errorUnder = (prefix: string) => {
    if (!check || check.ok) return null;
    const hit = [...check.errors].find(([p]) => p === prefix || p.startsWith(`${prefix}.`));
    return hit ? issueText(locale, hit[0], hit[1]) : null;
  };

  const pickStore = (e: FormEvent) => {
    e.preventDefault();
    const id = storeInput.trim();
    if (id === '' || StoreIdSchema.safeParse(id).success) setStore(id);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || !check) return;
    if (!check.ok) {
      setStatus({ saving: false, ok: false, message: t('save.invalid', { n: check.errors.size }) });
      document.querySelector<HTMLElement>('.rep-settings [aria-invalid="true"]')?.focus();
      return;
    }
    setStatus({ saving: true, ok: false, message: null });
    try {
      const saved = await repApi.saveStoreSettings(check.settings);
      setCurrent(saved);
      setDraft(draftOf(saved.settings));
      // This kiosk runs on what was saved at once, if it is this kiosk's store.
      if (useStoreSettings.getState().settings.storeId === saved.settings.storeId) useStoreSettings.getState().apply(saved);
      setStatus({ saving: false, ok: true, message: t('saved') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) useRepSession.getState().signOut();
      setStatus({ saving: false, ok: false, message: t('save.failed', { message: errorMessage(error as Error) }) });
    }
  };

  // From the latest draft, not the one this render saw: two quick taps must both count.
  const edit = (change: (d: SettingsDraft) => SettingsDraft) => {
    setDraft((d) => (d ? change(d) : d));
    setStatus((s) => ({ ...s, message: null, ok: false }));
  };
  const allIds = lineup.map((e) => e.id);
  const readOnly = current?.editable === false;

  return (
    <section className="card rep-card rep-settings" aria-labelledby="rep-settings-title" data-testid="store-settings">
      <h2 id="rep-settings-title">{t('title')}</h2>
      <p className="rep-muted">{t('hint')}</p>
      {allStores && (
        <form className="rep-inline" onSubmit={pickStore}>
          <label className="rep-field">
            <span>{t('store.label')}</span>
            <input name="settingsStore" value={storeInput} onChange={(e) => setStoreInput(e.target.value)} placeholder={t('store.hint')} autoComplete="off" />
          </label>
          <button type="submit" className="button rep-settings__pick">{t('store.load')}</button>
        </form>
      )}
      {query.loading && !draft && <p className="rep-muted">{t('loading')}</p>}
      {query.error && <p className="rep-problem" role="alert">{t('load.failed', { message: errorMessage(query.error) })}</p>}
      {current?.problem && (
        <div className="rep-settings__banner" role="alert" data-testid="settings-problem">
          <strong>{t('problem.title')}</strong>
          <p className="rep-settings__file">{current.problem.message}</p>
          <ul>
            {current.problem.issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                <code>{i.path || t('problem.whole')}</code> {i.message}
              </li>
            ))}
          </ul>
          <p>
            {t(current.source === 'defaults' ? 'problem.running.defaults' : 'problem.running.last-good')} {!readOnly && t('problem.fix')}
          </p>
        </div>
      )}
      {current && !current.problem && (
        <p className="rep-badge" data-testid="settings-source">
          {current.settings.storeId} · {t(`source.${current.source}`)}
        </p>
      )}
      {readOnly && <p className="rep-warn">{t('readOnly')}</p>}
      {draft && (
        <form className="rep-settings__form" onSubmit={save} noValidate data-testid="store-settings-form">
          <fieldset className="rep-settings__section" disabled={readOnly}>
            <legend>{t('section.names')}</legend>
            <div className="rep-settings__grid">
              {LOCALES.map((l) => (
                <Field key={l} id={`name.${l}`} label={t(`name.${l}`)} error={errorAt(`name.${l}`)}>
                  {(props) => <input {...props} lang={l} value={draft.name[l]} onChange={(e) => edit((d) => ({ ...d, name: { ...d.name, [l]: e.target.value } }))} autoComplete="off" />}
                </Field>
              ))}
            </div>
          </fieldset>
          <CarsOrderField locale={locale} lineup={lineup} cars={draft.cars} onChange={(change) => edit((d) => ({ ...d, cars: change(d.cars ?? allIds) }))} error={errorUnder('cars')} disabled={readOnly} />
          <fieldset className="rep-settings__section" disabled={readOnly}>
            <legend>{t('section.prices')}</legend>
            <div className="rep-settings__grid">
              {PRICE_KEYS.map((k) => (
                <Field key={k} id={`prices.${k}`} label={t(`price.${k}`)} error={errorAt(`prices.${k}`)}>
                  {(props) => <input {...props} inputMode="decimal" value={draft.prices[k]} onChange={(e) => edit((d) => ({ ...d, prices: { ...d.prices, [k]: e.target.value } }))} autoComplete="off" />}
                </Field>
              ))}
            </div>
          </fieldset>
          <fieldset className="rep-settings__section" disabled={readOnly}>
            <legend>{t('section.idle')}</legend>
            <div className="rep-settings__grid">
              {IDLE_KEYS.map((k) => (
                <Field key={k} id={`idle.${k}`} label={t(`idle.${k}`)} error={errorAt(`idle.${k}`)} hint={k === 'stillThereS' ? t('idle.stillThereHint') : undefined}>
                  {(props) => <input {...props} inputMode="numeric" value={draft.idle[k]} onChange={(e) => edit((d) => ({ ...d, idle: { ...d.idle, [k]: e.target.value } }))} autoComplete="off" />}
                </Field>
              ))}
            </div>
          </fieldset>
          <fieldset className="rep-settings__section" disabled={readOnly}>
            <legend>{t('section.languages')}</legend>
            <div className="rep-settings__grid">
              <div className="rep-field" role="group" aria-label={t('languages.offered')}>
                <span>{t('languages.offered')}</span>
                {LOCALES.map((l) => (
                  <label key={l} className="rep-check">
                    <input
                      type="checkbox"
                      name={`offered-${l}`}
                      checked={draft.languages.offered.includes(l)}
                      onChange={(e) => {
                        const on = e.target.checked;
                        edit((d) => ({ ...d, languages: { ...d.languages, offered: on ? LOCALES.filter((x) => x === l || d.languages.offered.includes(x)) : d.languages.offered.filter((x) => x !== l) } }));
                      }}
                      aria-invalid={errorUnder('languages.offered') !== null}
                    />
                    <span lang={l}>{t(`lang.${l}`)}</span>
                  </label>
                ))}
                {errorUnder('languages.offered') && <span className="rep-problem">{errorUnder('languages.offered')}</span>}
              </div>
              <div className="rep-field" role="radiogroup" aria-label={t('languages.default')}>
                <span>{t('languages.default')}</span>
                {LOCALES.map((l) => (
                  <label key={l} className="rep-check">
                    <input type="radio" name="default-language" checked={draft.languages.default === l} onChange={() => edit((d) => ({ ...d, languages: { ...d.languages, default: l } }))} aria-invalid={errorAt('languages.default') !== null} />
                    <span lang={l}>{t(`lang.${l}`)}</span>
                  </label>
                ))}
                {errorAt('languages.default') && <span className="rep-problem">{errorAt('languages.default')}</span>}
              </div>
            </div>
          </fieldset>
          <fieldset className="rep-settings__section" disabled={readOnly}>
            <legend>{t('section.share')}</legend>
            <Field id="shareOrigin" label={t('shareOrigin.label')} error={errorAt('shareOrigin')} hint={t('shareOrigin.hint')}>
              {(props) => <input {...props} type="url" inputMode="url" value={draft.shareOrigin} onChange={(e) => edit((d) => ({ ...d, shareOrigin: e.target.value }))} placeholder="https://showroom.example.cn" autoComplete="off" spellCheck={false} />}
            </Field>
          </fieldset>
          <div className="rep-actions">
            <button type="submit" className="button button--primary" disabled={readOnly || status.saving} data-testid="settings-save">
              {t(status.saving ? 'saving' : 'save')}
            </button>
            {status.message && (
              <p className={status.ok ? 'rep-ok' : 'rep-problem'} role={status.ok ? 'status' : 'alert'} data-testid="settings-status">
                {status.message}
              </p>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

type InputProps = { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** A labelled input with its error (and hint) under it, tied together for screen readers. */
function Field({ id, label, error, hint, children }: { id: string; label: string; error: string | null; hint?: string | undefined; children: (props: InputProps) => ReactNode }) {
  const domId = `settings-${id.replace(/\./g, '-')}`;
  const described = [error ? `${domId}-error` : '', hint ? `${domId}-hint` : ''].filter(Boolean).join(' ');
  return (
    <label className="rep-field" htmlFor={domId} data-field={id}>
      <span>{label}</span>
      {children({ id: domId, name: id, 'aria-invalid': error !== null, ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <span className="rep-muted rep-settings__hint" id={`${domId}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="rep-problem" id={`${domId}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}
