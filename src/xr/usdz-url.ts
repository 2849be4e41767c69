/**
 * The link iOS AR Quick Look opens: `<a rel="ar" href={usdzUrl(id)}><img …></a>` (the anchor's first
 * child must be an image). The build writes `models/<id>/model.usdz` beside each bundle's GLB
 * (scripts/xr-assets/usdz.ts). `#allowsContentScaling=0` keeps the car at 1:1: Quick Look would
 * otherwise let a pinch shrink it.
 */
export function usdzUrl(vehicleId: string, options: { base?: string; allowScaling?: boolean } = {}): string {
  if (!/^[a-z0-9-]+$/.test(vehicleId)) throw new Error(`usdzUrl: "${vehicleId}" is not a vehicle id`);
  const base = options.base ?? (typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
  const url = new URL(`models/${vehicleId}/model.usdz`, base);
  if (!options.allowScaling) url.hash = 'allowsContentScaling=0';
  return url.href;
}
