import type { Locale } from '../../i18n/messages.ts';
import type { CameraPreset, TwinView } from '../../twin/twin-schema';
import { useTwinStore } from './twin-store';
import type { TwinBundle } from './load-bundle';
import { twinText } from './messages';

const VIEWS: TwinView[] = ['exterior', 'xray', 'exploded', 'section'];
const PRESETS: CameraPreset[] = ['front34', 'side', 'rear', 'top', 'under'];

/** Views, camera presets, paint swatches, section slider and trim picker. */
export function TwinToolbar({ ids, bundle, locale }: { ids: string[]; bundle: TwinBundle | null; locale: Locale }) {
  const s = useTwinStore();
  const ready = s.status === 'ready';
  const available = (v: TwinView) => ready && (s.availability.find((a) => a.view === v)?.available ?? v === 'exterior');
  return (
    <div className="twin-toolbar">
      <div className="twin-toolbar__group" role="group" aria-label="views">
        {VIEWS.map((v) => (
          <button key={v} type="button" data-view-button={v} aria-pressed={s.view === v} disabled={!available(v)} onClick={() => s.setView(v)}>
            {twinText(locale, `view.${v}`)}
          </button>
        ))}
      </div>
      <div className="twin-toolbar__group" role="group" aria-label="camera">
        {PRESETS.map((p) => (
          <button key={p} type="button" data-camera-button={p} disabled={!ready} onClick={() => s.requestCamera(p)}>
            {twinText(locale, `cam.${p}`)}
          </button>
        ))}
      </div>
      {s.view === 'section' && (
        <label className="twin-toolbar__slider">
          {twinText(locale, 'section')}
          <input type="range" min={0.02} max={0.98} step={0.01} value={s.section} onChange={(e) => s.setSection(Number(e.target.value))} data-section-slider />
        </label>
      )}
      {bundle && bundle.paints.length > 0 && (
        <div className="twin-toolbar__group twin-toolbar__paints" role="group" aria-label={twinText(locale, 'paint')}>
          {bundle.paints.map((p) => (
            <button key={p.id} type="button" className="twin-swatch" style={{ background: p.hex }} title={p.name[locale]} aria-label={p.name[locale]} aria-pressed={s.paintHex === p.hex} onClick={() => s.setPaint(p.hex)} />
          ))}
        </div>
      )}
      {ids.length > 1 && (
        <label className="twin-toolbar__trim">
          {twinText(locale, 'trim')}
          <select value={s.vehicleId ?? ''} onChange={(e) => s.setVehicle(e.target.value)}>
            {ids.map((id) => <option key={id} value={id}>{id === bundle?.id ? bundle.name[locale] : id}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}
