/** Piecewise-linear interpolation over sorted knots, clamped at the ends. */
export function interp1(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  let i = 1;
  while (xs[i]! < x) i++;
  const x0 = xs[i - 1]!;
  const t = (x - x0) / (xs[i]! - x0);
  return ys[i - 1]! + t * (ys[i]! - ys[i - 1]!);
}
