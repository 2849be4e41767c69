/**
 * Decorative line art for the home screen: a fastback silhouette on range rings. Pure SVG, no
 * assets to load, so the attract screen is complete the moment the app starts.
 */
export function HeroArt() {
  return (
    <svg className="hero-art" viewBox="0 0 640 420" aria-hidden="true">
      <defs>
        <linearGradient id="hero-line" gradientUnits="userSpaceOnUse" x1="60" y1="0" x2="600" y2="0">
          <stop offset="0" stopColor="#5eead4" stopOpacity="0.2" />
          <stop offset="0.5" stopColor="#5eead4" />
          <stop offset="1" stopColor="#38bdf8" />
        </linearGradient>
        <radialGradient id="hero-glow" cx="0.5" cy="0.75" r="0.6">
          <stop offset="0" stopColor="#38bdf8" stopOpacity="0.28" />
          <stop offset="1" stopColor="#38bdf8" stopOpacity="0" />
        </radialGradient>
      </defs>
      <ellipse cx="320" cy="336" rx="320" ry="84" fill="url(#hero-glow)" />
      {[300, 240, 180, 120].map((r, i) => (
        <ellipse
          key={r}
          cx="320"
          cy="336"
          rx={r}
          ry={r * 0.22}
          fill="none"
          stroke="#38bdf8"
          strokeOpacity={0.1 + i * 0.06}
          strokeDasharray={i % 2 ? '2 8' : undefined}
        />
      ))}
      <g fill="none" stroke="url(#hero-line)" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
        {/* Body: rear bumper, deck, fastback roof, windscreen, bonnet, nose, arches and sill. */}
        <path d="M70 290 C62 270 66 250 82 242 L150 228 C205 186 265 166 330 164 C390 163 432 180 470 210 L545 226 C580 232 596 252 596 276 L594 290 L544 290 A54 54 0 0 0 436 290 L204 290 A54 54 0 0 0 96 290 Z" />
        {/* Glasshouse. */}
        <path d="M200 226 C240 192 282 178 330 177 C372 177 404 188 438 212 Z" strokeOpacity="0.7" />
        <path d="M322 178 L318 220" strokeOpacity="0.5" />
        {/* Wheels. */}
        <circle cx="150" cy="290" r="42" />
        <circle cx="150" cy="290" r="24" strokeOpacity="0.5" />
        <circle cx="490" cy="290" r="42" />
        <circle cx="490" cy="290" r="24" strokeOpacity="0.5" />
        {/* Light strip. */}
        <path d="M552 236 L586 246" stroke="#e0f2fe" strokeWidth="4" />
        <path d="M80 250 L110 245" stroke="#f87171" strokeWidth="4" />
      </g>
    </svg>
  );
}
