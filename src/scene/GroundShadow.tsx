import { useEffect, useMemo } from 'react';
import { CanvasTexture, type Box3, Vector3 } from 'three';

/**
 * Soft contact shadow under the car: a blurred footprint drawn once into a
 * canvas texture (darker at the four tyre patches). One draw call and no
 * extra render pass, unlike a depth-rendered contact shadow, and it is
 * rebuilt trivially after a context restore because it is a plain texture.
 */
export function GroundShadow({ bounds, opacity = 0.55 }: { bounds: Box3; opacity?: number }) {
  const size = bounds.getSize(new Vector3());
  const centre = bounds.getCenter(new Vector3());
  const pad = 1.5;
  const w = size.x * pad + 0.6, l = size.z * 1.25 + 0.6;
  const texture = useMemo(() => {
    const px = 256, scale = px / l;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = px;
    const ctx = canvas.getContext('2d')!;
    ctx.filter = `blur(${Math.round(0.12 * scale)}px)`;
    ctx.fillStyle = 'rgba(0,0,0,0.55)';
    const cw = size.x * 0.92 * scale, cl = size.z * 0.96 * scale;
    const x0 = (canvas.width - cw) / 2, y0 = (canvas.height - cl) / 2;
    ctx.beginPath();
    ctx.roundRect(x0, y0, cw, cl, cw * 0.3);
    ctx.fill();
    ctx.filter = `blur(${Math.round(0.05 * scale)}px)`;
    ctx.fillStyle = 'rgba(0,0,0,0.8)';
    for (const fx of [0.1, 0.9]) for (const fz of [0.2, 0.8]) {
      ctx.beginPath();
      ctx.ellipse(x0 + cw * fx, y0 + cl * fz, cw * 0.09, cl * 0.07, 0, 0, Math.PI * 2);
      ctx.fill();
    }
    const t = new CanvasTexture(canvas);
    t.needsUpdate = true;
    return t;
  }, [w, l, size.x, size.z]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <mesh position={[centre.x, bounds.min.y + 0.003, centre.z]} rotation={[-Math.PI / 2, 0, 0]} renderOrder={-1}>
      <planeGeometry args={[w, l]} />
      <meshBasicMaterial map={texture} transparent opacity={opacity} depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
