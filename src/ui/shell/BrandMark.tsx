/** The fictional brand's mark: a horizon arc over two wheels (same drawing as the favicon). */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 64 64" aria-hidden="true">
      <defs>
        <linearGradient id="brand-arc" x1="0" y1="0" x2="1" y2="0">
          <stop offset="0" stopColor="#5eead4" />
          <stop offset="1" stopColor="#38bdf8" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="16" fill="#0f1a2b" />
      <path
        d="M12 38c4-11 11-15 20-15s16 4 20 15"
        fill="none"
        stroke="url(#brand-arc)"
        strokeWidth="5"
        strokeLinecap="round"
      />
      <circle cx="22" cy="43" r="5" fill="#38bdf8" />
      <circle cx="42" cy="43" r="5" fill="#38bdf8" />
    </svg>
  );
}
