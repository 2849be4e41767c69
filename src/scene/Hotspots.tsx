import { useMemo } from 'react';
import { Html } from '@react-three/drei';
import type { Locale } from '../i18n/messages.ts';
import type { Hotspot } from '../twin/twin-schema';
import type { PartIndex } from './part-index';
import { worldCentre } from './part-index';

export interface HotspotsProps {
  hotspots: Hotspot[];
  index: PartIndex;
  locale: Locale;
  selectedId: string | null;
  /** Changes whenever parts may have moved (view switch), to recompute anchors. */
  layoutKey: string;
  onSelect: (h: Hotspot) => void;
}

/** Numbered markers pinned to their parts' centres; hotspots whose part is missing are skipped. */
export function Hotspots({ hotspots, index, locale, selectedId, layoutKey, onSelect }: HotspotsProps) {
  const anchors = useMemo(
    () => hotspots.flatMap((h) => {
      const part = index.byName.get(h.part);
      return part ? [{ h, at: worldCentre(part) }] : [];
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hotspots, index, layoutKey],
  );
  return (
    <>
      {anchors.map(({ h, at }, i) => (
        <Html key={h.id} position={at} center zIndexRange={[20, 10]}>
          <button
            type="button"
            className={`twin-hotspot${selectedId === h.id ? ' is-selected' : ''}`}
            data-hotspot={h.id}
            aria-label={h.title[locale]}
            onClick={(e) => { e.stopPropagation(); onSelect(h); }}
          >
            {i + 1}
          </button>
        </Html>
      ))}
    </>
  );
}
