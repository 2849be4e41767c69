/** Small 1-D/2-D curve helpers for the generator. Pure and deterministic. */

export type Key = readonly [x: number, y: number];

/**
 * Monotone cubic (Fritsch–Carlson) through keys sorted by x: smooth like a
 * spline but never overshoots, so a roof line cannot bulge above the stated
 * height. Clamps outside the key range.
 */
export function monotoneCurve(keys: readonly Key[]): (x: number) => number {
  const n = keys.length;
  const xs = keys.map((k) => k[0]);
  const ys = keys.map((k) => k[1]);
  for (let i = 1; i < n; i++) if (!(xs[i]! > xs[i - 1]!)) throw new Error(`curve keys not increasing at ${i}: ${xs[i - 1]} -> ${xs[i]}`);
  const d: number[] = [];
  for (let i = 0; i < n - 1; i++) d.push((ys[i + 1]! - ys[i]!) / (xs[i + 1]! - xs[i]!));
  const m: number[] = new Array(n).fill(0);
  m[0] = d[0] ?? 0;
  m[n - 1] = d[n - 2] ?? 0;
  for (let i = 1; i < n - 1; i++) m[i] = d[i - 1]! * d[i]! <= 0 ? 0 : (d[i - 1]! + d[i]!) / 2;
  for (let i = 0; i < n - 1; i++) {
    if (d[i] === 0) { m[i] = 0; m[i + 1] = 0; continue; }
    const a = m[i]! / d[i]!;
    const b = m[i + 1]! / d[i]!;
    const s = a * a + b * b;
    if (s > 9) { const t = 3 / Math.sqrt(s); m[i] = t * a * d[i]!; m[i + 1] = t * b * d[i]!; }
  }
  return (x: number) => {
    if (x <= xs[0]!) return ys[0]!;
    if (x >= xs[n - 1]!) return ys[n - 1]!;
    let i = 0;
    while (x > xs[i + 1]!) i++;
    const h = xs[i + 1]! - xs[i]!;
    const t = (x - xs[i]!) / h;
    const t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * ys[i]! + (t3 - 2 * t2 + t) * h * m[i]! + (-2 * t3 + 3 * t2) * ys[i + 1]! + (t3 - t2) * h * m[i + 1]!;
  };
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = clamp01((x - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * Uniform Catmull-Rom through 2-D control points, `counts[i]` samples on
 * segment i (end point excluded except for the last). Fixed counts per
 * segment keep vertex i on the same feature line at every loft station.
 */
export function catmullRom2(points: readonly Key[], counts: readonly number[]): Key[] {
  const out: Key[] = [];
  const n = points.length;
  const p = (i: number) => points[Math.max(0, Math.min(n - 1, i))]!;
  for (let s = 0; s < n - 1; s++) {
    const [p0, p1, p2, p3] = [p(s - 1), p(s), p(s + 1), p(s + 2)];
    const c = counts[s]!;
    for (let k = 0; k < c; k++) {
      const t = k / c, t2 = t * t, t3 = t2 * t;
      const f = (a: number, b: number, cc: number, dd: number) =>
        0.5 * (2 * b + (-a + cc) * t + (2 * a - 5 * b + 4 * cc - dd) * t2 + (-a + 3 * b - 3 * cc + dd) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(points[n - 1]!);
  return out;
}
