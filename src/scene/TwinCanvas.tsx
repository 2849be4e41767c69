import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Canvas, useThree } from '@react-three/fiber';
import { NeutralToneMapping, type Vector3, type WebGLRenderer } from 'three';
import type { Locale } from '../i18n/messages.ts';
import type { CameraPreset, Hotspot, TwinView } from '../twin/twin-schema';
import { StudioLighting } from './StudioLighting';
import { GroundShadow } from './GroundShadow';
import { TwinModel, type LoadedTwin } from './TwinModel';
import { CameraRig } from './CameraRig';
import { Hotspots } from './Hotspots';
import { focusGoal, presetGoal, type CameraGoal } from './camera-presets';
import { worldCentre } from './part-index';
import { exposeDebug } from './debug-handle';
import { IfInSessionMode, XR } from '@react-three/xr';
import { xrStore } from '../xr/xr-store.ts';
import { ARPlacement } from './xr/ARPlacement.tsx';
import { CarRig } from './xr/CarRig.tsx';
import { InWorldPanel } from './xr/InWorldPanel.tsx';
import { Walkthrough } from './xr/Walkthrough.tsx';
import { XRBridge } from './xr/XRBridge.tsx';
import { XRActivity } from './xr/XRActivity.tsx';
import { XRDebug } from './xr/XRDebug.tsx';
import { XRHotspotCard, XRHotspots } from './xr/XRHotspots.tsx';

const IMMERSIVE: XRSessionMode[] = ['immersive-ar', 'immersive-vr'];

export interface TwinCanvasProps {
  modelUrl: string;
  view: TwinView;
  paintHex: string | null;
  section: number;
  packTempC: number | null;
  cameraRequest: { preset: CameraPreset; seq: number };
  hotspots: Hotspot[];
  selectedHotspot: Hotspot | null;
  locale: Locale;
  idleSeconds: number;
  onSelectHotspot: (h: Hotspot) => void;
  onProgress: (f: number) => void;
  onLoaded: (t: LoadedTwin) => void;
  onError: (message: string) => void;
  onFirstFrame: () => void;
  onContextLost: (lost: boolean) => void;
}

/** Context loss: keep the canvas, wait for the restore, rebuild what the GPU lost. */
function ContextWatch({ onLost, onRestored }: { onLost: () => void; onRestored: () => void }) {
  const { gl, invalidate } = useThree();
  useEffect(() => {
    const el = gl.domElement;
    const lost = (e: Event) => { e.preventDefault(); onLost(); };
    const restored = () => { onRestored(); invalidate(); };
    el.addEventListener('webglcontextlost', lost);
    el.addEventListener('webglcontextrestored', restored);
    return () => { el.removeEventListener('webglcontextlost', lost); el.removeEventListener('webglcontextrestored', restored); };
  }, [gl, invalidate, onLost, onRestored]);
  return null;
}

/** The R3F scene of the twin viewer; render on demand. */
export function TwinCanvas(p: TwinCanvasProps) {
  const [loaded, setLoaded] = useState<LoadedTwin | null>(null);
  const [focus, setFocus] = useState<CameraGoal | null>(null);
  const [restoreKey, setRestoreKey] = useState(0);
  // The contact shadow is rendered once (frames) after the car's first frame, so it sees the car.
  const [shown, setShown] = useState(false);
  const settled = useRef(false);
  const sizeRef = useRef({ width: 16, height: 9 });
  const onSettled = useCallback((s: boolean) => { settled.current = s; }, []);

  useEffect(() => { setLoaded(null); setShown(false); }, [p.modelUrl]);
  const onFirstFrame = useCallback(() => { setShown(true); p.onFirstFrame(); }, [p.onFirstFrame]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const h = p.selectedHotspot;
    if (!h || !loaded) return;
    const part = loaded.index.byName.get(h.part);
    if (part) setFocus(focusGoal(worldCentre(part), h.camera, 3.2));
  }, [p.selectedHotspot, loaded]);
  useEffect(() => { setFocus(null); }, [p.cameraRequest.seq]);
  // Exploded pack rises above the roof: frame the car and the lifted pack together.
  useEffect(() => {
    if (!loaded || p.view !== 'exploded' || p.selectedHotspot) return;
    const box = loaded.bounds.clone();
    box.max.y += 1.3;
    setFocus(presetGoal('front34', box, 32, sizeRef.current.width / sizeRef.current.height));
  }, [p.view, loaded]); // eslint-disable-line react-hooks/exhaustive-deps

  const onLoaded = useCallback((t: LoadedTwin) => { setLoaded(t); p.onLoaded(t); }, [p.onLoaded]); // eslint-disable-line react-hooks/exhaustive-deps
  const onLost = useCallback(() => p.onContextLost(true), [p.onContextLost]); // eslint-disable-line react-hooks/exhaustive-deps
  const onRestored = useCallback(() => { setRestoreKey((k) => k + 1); p.onContextLost(false); }, [p.onContextLost]); // eslint-disable-line react-hooks/exhaustive-deps
  const onDoubleTap = useCallback((point: Vector3) => setFocus(focusGoal(point, 'front34', 1.8)), []);

  const showHotspots = loaded && (p.view === 'exterior' || p.view === 'xray');
  const xrMode = useSyncExternalStore((fn) => xrStore.subscribe(fn), () => xrStore.getState().mode);

  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 1.75]}
      camera={{ fov: 32, near: 0.05, far: 200, position: [6, 2.2, 7] }}
      gl={{ antialias: true, alpha: true, powerPreference: 'high-performance' }}
      onCreated={({ gl, size }) => {
        sizeRef.current = size;
        gl.localClippingEnabled = true;
        gl.toneMapping = NeutralToneMapping;
        gl.toneMappingExposure = 1.05;
        exposeDebug(gl as WebGLRenderer, () => settled.current);
      }}
    >
      <XR store={xrStore}>
        <XRBridge />
        <XRDebug bounds={loaded?.bounds ?? null} />
        <XRActivity />
        <ContextWatch onLost={onLost} onRestored={onRestored} />
        <StudioLighting restoreKey={restoreKey} />
        <CarRig bounds={loaded?.bounds ?? null}>
          <TwinModel
            url={p.modelUrl}
            view={p.view}
            paintHex={p.paintHex}
            section={p.section}
            packTempC={p.packTempC}
            onProgress={p.onProgress}
            onLoaded={onLoaded}
            onError={p.onError}
            onFirstFrame={onFirstFrame}
            onDoubleTap={onDoubleTap}
            batch={xrMode !== null}
          />
          {loaded && shown && p.view !== 'exploded' && <GroundShadow key={restoreKey} bounds={loaded.bounds} />}
          <IfInSessionMode allow={IMMERSIVE}>
            {showHotspots && <XRHotspots hotspots={p.hotspots} index={loaded.index} topY={loaded.bounds.max.y} />}
          </IfInSessionMode>
        </CarRig>
        <IfInSessionMode deny={IMMERSIVE}>
          <CameraRig bounds={loaded?.bounds ?? null} preset={p.cameraRequest} focus={focus} idleSeconds={p.idleSeconds} onSettled={onSettled} />
          {showHotspots && (
            <Hotspots
              hotspots={p.hotspots}
              index={loaded.index}
              locale={p.locale}
              selectedId={p.selectedHotspot?.id ?? null}
              layoutKey={p.view}
              onSelect={p.onSelectHotspot}
            />
          )}
        </IfInSessionMode>
        <IfInSessionMode allow="immersive-ar">
          <ARPlacement />
        </IfInSessionMode>
        <IfInSessionMode allow="immersive-vr">
          <Walkthrough bounds={loaded?.bounds ?? null} index={loaded?.index ?? null} />
        </IfInSessionMode>
        <IfInSessionMode allow={IMMERSIVE}>
          {loaded && <InWorldPanel />}
          {showHotspots && <XRHotspotCard hotspots={p.hotspots} locale={p.locale} />}
        </IfInSessionMode>
      </XR>
    </Canvas>
  );
}
