import { useCallback, useEffect, useRef, useState } from 'react';
import { TwinCanvas } from '../../scene/TwinCanvas';
import type { LoadedTwin } from '../../scene/TwinModel';
import { useI18n } from '../use-i18n.ts';
import { useTwinStore } from './twin-store';
import { loadTwinBundle, loadVehicleIds, type TwinBundle } from './load-bundle';
import { TwinToolbar } from './TwinToolbar';
import { HotspotCard } from './HotspotCard';
import { LoadingPoster } from './LoadingPoster';
import { PackThermalPanel } from './PackThermalPanel';
import { XRButtons } from './XRButtons';
import { ARPhoneOverlay } from './ARPhoneOverlay';
import { twinText } from './messages';
import { parseTwinLink, resolvePaint, type ParsedTwinLink } from '../../xr/twin-link.ts';
import { useStoreSettings } from '../../state/settings-store.ts';
import { orderCars } from '../../store/store-settings.ts';
import './twin.css';

const params = () => new URLSearchParams(typeof location === 'undefined' ? '' : location.search);

/** The digital-twin screen: the car, opened up. Lazy-loaded from the screen registry. */
export function TwinScreen() {
  const { locale } = useI18n();
  const s = useTwinStore();
  const [ids, setIds] = useState<string[]>([]);
  const [bundle, setBundle] = useState<TwinBundle | null>(null);
  const [retry, setRetry] = useState(0);
  const idleParam = params().get('twinIdle');
  const idleSeconds = idleParam === null ? 30 : Number(idleParam) || 0;

  // The deep link (?twin=&paint=&view=&scenario=, a phone that scanned the kiosk's QR code) is the
  // first state of a page load; opening the screen again keeps the customer's own choices. Each of
  // its values is used once, and only when this showroom has it.
  const link = useRef<ParsedTwinLink | null>(null);

  useEffect(() => {
    const parsed = useTwinStore.getState().vehicleId === null ? parseTwinLink(location.search) : null;
    link.current = parsed;
    if (parsed?.scenario) useTwinStore.getState().setXrScenario(parsed.scenario, parsed.answers);
    loadVehicleIds()
      .then((all) => {
        // The cars this store shows, in its order (store settings).
        const list = orderCars(all, useStoreSettings.getState().settings.cars);
        setIds(list);
        const wanted = parsed?.vehicleId && list.includes(parsed.vehicleId) ? parsed.vehicleId : null;
        const cur = useTwinStore.getState().vehicleId;
        useTwinStore.getState().setVehicle(wanted ?? (cur && list.includes(cur) ? cur : list[0] ?? 'missing'));
      })
      .catch((e: unknown) => useTwinStore.getState().patch({ status: 'error', error: String(e) }));
  }, []);

  useEffect(() => {
    if (!s.vehicleId) return;
    let cancelled = false;
    loadTwinBundle(s.vehicleId).then((b) => {
      if (cancelled) return;
      setBundle(b);
      const paint = b.paints.find((p) => p.id === b.defaultPaint) ?? b.paints[0];
      // The link's paint names a paint of the link's car.
      const linked = link.current?.vehicleId === b.id ? resolvePaint(link.current.paint, b.paints) : null;
      if (link.current) link.current = { ...link.current, paint: null };
      useTwinStore.getState().patch({ paintHex: linked ?? paint?.hex ?? null });
    });
    return () => { cancelled = true; };
  }, [s.vehicleId]);

  useEffect(() => {
    const view = link.current?.view;
    if (!view || s.status !== 'ready') return;
    link.current = { ...link.current!, view: null };
    if (s.availability.find((a) => a.view === view)?.available) useTwinStore.getState().setView(view);
  }, [s.status, s.availability]);

  const onLoaded = useCallback((t: LoadedTwin) => useTwinStore.getState().patch({ status: 'ready', availability: t.availability, progress: 1 }), []);
  const onError = useCallback((m: string) => useTwinStore.getState().patch({ status: 'error', error: m }), []);
  const onProgress = useCallback((f: number) => useTwinStore.getState().patch({ progress: f }), []);
  const onFirstFrame = useCallback(() => {
    // Read by bench/twin.bench.ts (time to first frame of the car).
    if (!performance.getEntriesByName('twin:first-frame').length) performance.mark('twin:first-frame');
    useTwinStore.getState().patch({ firstFrame: true });
  }, []);
  const onContextLost = useCallback((lost: boolean) => useTwinStore.getState().patch({ contextLost: lost }), []);

  const missing = s.availability.filter((a) => !a.available);
  const modelUrl = bundle ? `${bundle.modelUrl}${retry ? `?retry=${retry}` : ''}` : null;

  return (
    <div className="twin" data-view={s.view} data-status={s.status} data-first-frame={s.firstFrame ? 'yes' : 'no'}>
      <div className="twin__stage">
        {modelUrl && s.status !== 'error' && (
          <TwinCanvas
            modelUrl={modelUrl}
            view={s.view}
            paintHex={s.paintHex}
            section={s.section}
            packTempC={s.packTempC}
            cameraRequest={s.cameraRequest}
            hotspots={bundle?.hotspots ?? []}
            selectedHotspot={s.selectedHotspot}
            locale={locale}
            idleSeconds={idleSeconds}
            onSelectHotspot={s.selectHotspot}
            onProgress={onProgress}
            onLoaded={onLoaded}
            onError={onError}
            onFirstFrame={onFirstFrame}
            onContextLost={onContextLost}
          />
        )}
        {!s.firstFrame && s.status !== 'error' && <LoadingPoster name={bundle?.name[locale] ?? ''} progress={s.progress} label={twinText(locale, 'loading')} />}
        {s.status === 'error' && (
          <div className="twin__error" role="alert">
            <h2>{twinText(locale, 'error.title')}</h2>
            <p>{twinText(locale, 'error.body')}</p>
            <p className="twin__error-detail">{s.error}</p>
            <button type="button" onClick={() => { setRetry((r) => r + 1); useTwinStore.getState().patch({ status: 'loading', error: null, firstFrame: false, progress: 0 }); }}>
              {twinText(locale, 'retry')}
            </button>
          </div>
        )}
        {s.contextLost && <div className="twin__notice" role="status">{twinText(locale, 'contextLost')}</div>}
        {s.status === 'ready' && missing.length > 0 && (
          <div className="twin__notice twin__notice--missing" role="status">
            {twinText(locale, 'missing')} {missing.map((m) => `${twinText(locale, `view.${m.view}`)} (${m.missing.join(', ')})`).join('; ')}
          </div>
        )}
        {s.selectedHotspot && <HotspotCard hotspot={s.selectedHotspot} locale={locale} onClose={() => s.selectHotspot(null)} />}
      </div>
      {bundle && s.status !== 'error' && <XRButtons bundle={bundle} locale={locale} />}
      <ARPhoneOverlay locale={locale} />
      <TwinToolbar ids={ids} bundle={bundle} locale={locale} />
      {s.vehicleId && s.status === 'ready' && s.availability.find((a) => a.view === 'xray')?.available && (
        <PackThermalPanel vehicleId={s.vehicleId} locale={locale} />
      )}
    </div>
  );
}
