import type { Locale } from '../../i18n/messages.ts';
import type { Hotspot } from '../../twin/twin-schema';
import { twinText } from './messages';

/** The card a tapped hotspot opens; its text comes from the bundle. */
export function HotspotCard({ hotspot, locale, onClose }: { hotspot: Hotspot; locale: Locale; onClose: () => void }) {
  return (
    <section className="twin-card" role="dialog" aria-labelledby="twin-card-title" data-card={hotspot.id}>
      <h2 id="twin-card-title">{hotspot.title[locale]}</h2>
      <p>{hotspot.body[locale]}</p>
      <button type="button" className="twin-card__close" onClick={onClose} aria-label={twinText(locale, 'close')}>×</button>
    </section>
  );
}
