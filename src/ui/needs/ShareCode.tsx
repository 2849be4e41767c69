import { useEffect, useMemo, useState } from 'react';
import { planLink, type Answers } from '../../plan/index.ts';
import { shareOrigin } from '../../state/kiosk-config.ts';
import type { LinkToken } from '../../leads/link-token.ts';
import { kioskTokens, shareLinkToken } from '../../state/lead-outbox.ts';
import { useStoreSettings } from '../../state/settings-store.ts';
import { qrMatrix, qrPath } from './qr-matrix.ts';
import { useNeedsI18n } from './use-needs-i18n.ts';

/** The QR standard's quiet zone: four modules of white around the code. */
const QUIET_ZONE = 4;

/**
 * A QR code of the plan link: the customer's phone opens the same plan from the answers alone, and
 * with this store's share token (when the lead server gives one) can book a test drive there, until
 * the token's expiry, which the card states in words.
 */
export function ShareCode({ answers }: { answers: Answers }) {
  const { n, locale } = useNeedsI18n();
  const [storeToken, setStoreToken] = useState<LinkToken | null>(null);
  // The start URL's ?share=, else the store settings' share origin, else the server's PUBLIC_ORIGIN
  // (its HTTPS name for phones), else this page's.
  const storeOrigin = useStoreSettings((s) => s.settings.shareOrigin);
  const [publicOrigin, setPublicOrigin] = useState<string | null>(null);
  const fromStartUrl = new URLSearchParams(location.search).has('share');
  const origin = fromStartUrl ? shareOrigin(location.search, location.origin) : (storeOrigin ?? publicOrigin ?? location.origin);
  useEffect(() => {
    let live = true;
    void shareLinkToken().then((t) => live && setStoreToken(t));
    if (!fromStartUrl) {
      void kioskTokens()
        .localConfig()
        .then((c) => live && c?.publicOrigin && setPublicOrigin(c.publicOrigin))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [fromStartUrl]);
  const link = planLink(origin, answers, storeToken ?? undefined);
  const { size, d } = useMemo(() => {
    const m = qrMatrix(link);
    return { size: m.size + 2 * QUIET_ZONE, d: qrPath(m, QUIET_ZONE) };
  }, [link]);
  return (
    <section className="plan-card share card" aria-labelledby="share-title">
      <svg
        className="share__code"
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={n('plan.share')}
        data-testid="share-qr"
        data-link={link}
        shapeRendering="crispEdges"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <div className="share__text">
        <h2 id="share-title" className="plan-card__title">
          {n('plan.share')}
        </h2>
        <p className="plan-card__note">{n('plan.share.note')}</p>
        <p className="plan-card__note" data-testid="share-expiry">
          {storeToken ? n('plan.share.until', { until: untilText(locale, storeToken.expiresAtMs) }) : n('plan.share.noBooking')}
        </p>
      </div>
    </section>
  );
}

/** `12月8日 20:21` / `8 Dec, 20:21`, showroom time. */
function untilText(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}
