/** Poster shown until the first frame of the car: silhouette, name and a progress bar. */
export function LoadingPoster({ name, progress, label }: { name: string; progress: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, progress)) * 100);
  return (
    <div className="twin-poster" role="status" aria-live="polite">
      <svg className="twin-poster__car" viewBox="0 0 480 150" aria-hidden="true">
        <path d="M20 112 C22 92 40 84 78 80 L150 72 C190 44 240 30 300 34 C350 38 392 60 420 78 C446 82 462 92 462 110 L462 118 L20 118 Z" />
        <circle cx="110" cy="118" r="26" /><circle cx="372" cy="118" r="26" />
      </svg>
      <div className="twin-poster__name">{name}</div>
      <div className="twin-poster__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <div className="twin-poster__label">{label} {pct}%</div>
    </div>
  );
}
