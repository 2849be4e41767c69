import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Locale } from '../../i18n/messages.ts';
import { kioskTokens } from '../../state/lead-outbox.ts';
import { usePlanStore } from '../../state/plan-store.ts';
import { useStoreSettings } from '../../state/settings-store.ts';
import { xrCapabilities, type InAppBrowser, type XRFacts, type XRReason } from '../../xr/capabilities.ts';
import { detectXRFacts } from '../../xr/detect.ts';
import { xrOverlayRoot } from '../../xr/overlay-root.ts';
import { XR_SCENARIO_PRESETS, type XrScenarioId } from '../../xr/scenarios.ts';
import { enterImmersive, XREntryError, type ImmersiveMode } from '../../xr/session.ts';
import { handoffOrigin, paintParam, twinLink } from '../../xr/twin-link.ts';
import { qrMatrix, qrPath } from '../needs/qr-matrix.ts';
import type { TwinBundle } from './load-bundle';
import { twinText } from './messages';
import { useTwinStore } from './twin-store';

/** The QR standard's quiet zone, in modules. */
const QUIET_ZONE = 4;

/** The XR scenario a pack-temperature preset stands for, when the panel has it. */
function scenarioOfPreset(presetId: string | undefined): XrScenarioId | null {
  const hit = Object.entries(XR_SCENARIO_PRESETS).find(([, preset]) => preset === presetId);
  return hit ? (hit[0] as XrScenarioId) : null;
}

/** The deep link of what the twin screen shows now, on `origin`. */
function useTwinLink(origin: string | null, bundle: TwinBundle | null): string | null {
  const s = useTwinStore(useShallow((t) => ({ vehicleId: t.vehicleId, paintHex: t.paintHex, view: t.view, xrScenario: t.xrScenario, planAnswers: t.planAnswers, presetId: t.packThermal?.presetId })));
  const answers = usePlanStore((p) => p.answers);
  if (!origin || !s.vehicleId) return null;
  return twinLink(origin, {
    vehicleId: s.vehicleId,
    paint: paintParam(s.paintHex, bundle?.paints ?? []),
    view: s.view,
    scenario: s.xrScenario ?? scenarioOfPreset(s.presetId),
    answers: s.planAnswers ?? answers,
  });
}

/**
 * Quick Look's anchor may hold one `<img>` and nothing else, so its visible label is drawn in the
 * image (system fonts; an SVG image loads nothing) and named by `alt`.
 */
function quickLookBadge(label: string): string {
  const width = Math.round(60 + [...label].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 17 : 9.5), 0));
  const text = label.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="48" viewBox="0 0 ${width} 48">` +
    `<rect width="${width}" height="48" rx="24" fill="#1f6feb"/>` +
    `<g fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"><path d="M28 13l10 5.5v11L28 35l-10-5.5v-11z"/><path d="M18 18.5l10 5.5 10-5.5M28 24v11"/></g>` +
    `<text x="46" y="30" font-family="-apple-system, 'PingFang SC', system-ui, sans-serif" font-size="16" font-weight="600" fill="#fff">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** "Open in the browser": which app, how to leave it, and the link to paste. */
function OpenInBrowser({ app, link, locale }: { app: InAppBrowser; link: string | null; locale: Locale }) {
  const [copied, setCopied] = useState(false);
  const canCopy = typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function';
  return (
    <div className="twin-xr__note" data-xr="open-in-browser" data-app={app} role="note">
      <p className="twin-xr__why" data-reason="in-app-browser">{twinText(locale, 'xr.why.in-app-browser', { app: twinText(locale, `xr.app.${app}`) })}</p>
      <p className="twin-xr__how">{twinText(locale, app === 'wechat' ? 'xr.openIn.how.wechat' : 'xr.openIn.how.other')}</p>
      {link && <p className="twin-xr__url">{link}</p>}
      {link && canCopy && (
        <button type="button" onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false))}>
          {twinText(locale, copied ? 'xr.openIn.copied' : 'xr.openIn.copy')}
        </button>
      )}
    </div>
  );
}

/** The kiosk's hand-off: a QR code of the deep link on an HTTPS origin, or why there is none. */
function HandoffSheet({ link, locale, onClose }: { link: string | null | undefined; locale: Locale; onClose: () => void }) {
  const qr = useMemo(() => {
    if (!link) return null;
    const m = qrMatrix(link);
    return { size: m.size + 2 * QUIET_ZONE, d: qrPath(m, QUIET_ZONE) };
  }, [link]);
  return (
    <div className="twin-xr__backdrop" onClick={onClose}>
      <div className="twin-xr__sheet" role="dialog" aria-modal="true" aria-labelledby="twin-xr-handoff-title" onClick={(e) => e.stopPropagation()}>
        <button type="button" className="twin-xr__close" aria-label={twinText(locale, 'close')} onClick={onClose}>×</button>
        <h2 id="twin-xr-handoff-title">{twinText(locale, 'xr.handoff.title')}</h2>
        {qr && (
          <svg className="twin-xr__qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={twinText(locale, 'xr.handoff.title')} data-testid="xr-handoff-qr" data-link={link!} shapeRendering="crispEdges">
            <rect width={qr.size} height={qr.size} fill="#fff" />
            <path d={qr.d} fill="#000" />
          </svg>
        )}
        {qr && <p className="twin-xr__why">{twinText(locale, 'xr.handoff.note')}</p>}
        {link === null && <p className="twin-xr__why" data-xr="handoff-needs-https">{twinText(locale, 'xr.handoff.needsHttps')}</p>}
      </div>
    </div>
  );
}

/**
 * How the twin screen offers XR: the AR and VR buttons where the browser has them, Quick Look on
 * iPhone and iPad, and otherwise a sentence saying why; on the kiosk a QR code that opens the same
 * car on a phone; in an in-app browser the way out to the real one (src/xr/capabilities.ts).
 */
export function XRButtons({ bundle, locale }: { bundle: TwinBundle | null; locale: Locale }) {
  const ready = useTwinStore((s) => s.status === 'ready');
  const [facts, setFacts] = useState<XRFacts | null>(null);
  const [busy, setBusy] = useState<ImmersiveMode | null>(null);
  const [error, setError] = useState<{ reason: XREntryError['reason']; detail: string; mode: ImmersiveMode } | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  // The kiosk's HTTPS origin for phones: undefined while asking the server, null when there is none.
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  const offers = facts ? xrCapabilities(facts) : null;
  const kiosk = offers?.qrHandoff.offered === true;

  useEffect(() => {
    let live = true;
    void detectXRFacts().then((f) => live && setFacts(f));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!kiosk) return;
    let live = true;
    // The start URL's ?share=, else the store settings' share origin, else the server's PUBLIC_ORIGIN.
    const fromStartUrl = handoffOrigin(location.search, useStoreSettings.getState().settings.shareOrigin);
    if (fromStartUrl) setOrigin(fromStartUrl);
    else {
      kioskTokens()
        .localConfig()
        .then((c) => live && setOrigin(handoffOrigin(location.search, c?.publicOrigin)))
        .catch(() => live && setOrigin(null));
    }
    return () => {
      live = false;
    };
  }, [kiosk]);

  const handoffLink = useTwinLink(origin ?? null, bundle);
  const pageLink = useTwinLink(typeof location === 'undefined' ? null : location.origin, bundle);

  async function enter(mode: ImmersiveMode) {
    setBusy(mode);
    setError(null);
    try {
      const session = await enterImmersive(mode, mode === 'immersive-ar' ? xrOverlayRoot() : undefined);
      session.addEventListener('end', () => setBusy(null), { once: true });
    } catch (e) {
      setBusy(null);
      setError(e instanceof XREntryError ? { reason: e.reason, detail: e.message, mode } : { reason: 'refused', detail: String(e), mode });
    }
  }

  if (!offers) return <section className="twin-xr" data-xr-ready="no" aria-label={twinText(locale, 'xr.title')} />;
  const why = offers.explain.filter((r): r is Exclude<XRReason, 'in-app-browser'> => r !== 'in-app-browser');
  const usdz = bundle ? `${bundle.modelUrl.replace(/model\.glb$/, 'model.usdz')}#allowsContentScaling=0` : null;
  const label = twinText(locale, 'xr.quickLook');
  return (
    <section className="twin-xr" data-xr-ready="yes" aria-label={twinText(locale, 'xr.title')}>
      <div className="twin-xr__actions">
        {offers.ar.offered && (
          <button type="button" className="twin-xr__primary" data-xr="ar" disabled={!ready || busy !== null} aria-busy={busy === 'immersive-ar'} onClick={() => void enter('immersive-ar')}>
            {twinText(locale, 'xr.ar')}
          </button>
        )}
        {offers.vr.offered && (
          <button type="button" className="twin-xr__primary" data-xr="vr" disabled={!ready || busy !== null} aria-busy={busy === 'immersive-vr'} onClick={() => void enter('immersive-vr')}>
            {twinText(locale, 'xr.vr')}
          </button>
        )}
        {offers.quickLook.offered && usdz && (
          <a className="twin-xr__quicklook" rel="ar" href={usdz} data-xr="quick-look">
            <img src={quickLookBadge(label)} alt={label} height={48} />
          </a>
        )}
        {kiosk && (
          <button type="button" className="twin-xr__primary" data-xr="handoff" aria-haspopup="dialog" onClick={() => setSheetOpen(true)}>
            {twinText(locale, 'xr.handoff')}
          </button>
        )}
      </div>
      {why.map((reason) => (
        <p key={reason} className="twin-xr__why" data-reason={reason}>
          {twinText(locale, `xr.why.${reason}`)}
        </p>
      ))}
      {offers.openInBrowser.offered && <OpenInBrowser app={offers.openInBrowser.app} link={pageLink} locale={locale} />}
      {error && (
        <p className="twin-xr__error" role="alert" data-reason={error.reason}>
          {error.reason === 'refused' ? twinText(locale, 'xr.error.refused', { detail: error.detail }) : twinText(locale, `xr.error.${error.reason}`)}
          {/* Chrome may say AR works and then fail for want of Play Services for AR. */}
          {error.reason === 'refused' && error.mode === 'immersive-ar' && facts?.os === 'android' && !facts.headset && ` ${twinText(locale, 'xr.why.no-arcore')}`}
        </p>
      )}
      {sheetOpen && <HandoffSheet link={origin === undefined ? undefined : handoffLink} locale={locale} onClose={() => setSheetOpen(false)} />}
    </section>
  );
}
