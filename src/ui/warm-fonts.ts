/**
 * A kiosk (served from its own machine, or paired) loads the screens' common-hanzi faces once after
 * its first paint, while the network is there: a customer typing a name the app's own subset lacks
 * (王, 赵, …) then sees it in the app's font even after the network dropped on a kiosk without a
 * service worker (a plain-HTTP LAN address). Phones keep fetching them only when a page shows such
 * a character. See scripts/xr-assets/ui-fonts.ts.
 */

/** The screens' font family, as the build's @font-face rules name it. */
export const UI_FONT_FAMILY = 'Showroom Sans SC';

/** Loads every face of the app's family that is not loaded yet (the common-hanzi ones). */
export async function warmUiFonts(fonts: FontFaceSet = document.fonts): Promise<number> {
  const pending = [...fonts].filter((f) => f.family.replace(/["']/g, '') === UI_FONT_FAMILY && f.status === 'unloaded');
  await Promise.all(pending.map((f) => f.load().catch(() => undefined)));
  return pending.length;
}
