/**
 * The twin screen's deep link: the kiosk's QR code opens the same car, paint, view and range
 * scenario on a phone, over HTTPS (AR needs a secure context):
 * `<origin>/?twin=<vehicleId>&paint=<paintId or #rrggbb>&view=<view>&scenario=<id>[&a=<answers>]#/twin`.
 * The customer's commute needs their plan, so that scenario carries the answers (`a`, the plan share
 * link's encoding; answers only, never personal data). Parsing validates every value and drops
 * what it does not know: a link is typed by anyone. Pure.
 */
import { isLoopbackHost } from '../leads/loopback.ts';
import type { Answers } from '../plan/answers-schema.ts';
import { decodeAnswers, encodeAnswers } from '../plan/share.ts';
import { shareOrigin } from '../state/kiosk-config.ts';
import { TwinViewSchema, type TwinView } from '../twin/twin-schema.ts';
import { commuteAvailable, isXrScenarioId, type XrScenarioId } from './scenarios.ts';

export const TWIN_ROUTE = '#/twin';

/** What the link restores. `paint` is a paint id of the bundle, or a colour `#rrggbb`. */
export interface TwinLinkState {
  vehicleId: string;
  paint?: string | null;
  view?: TwinView | null;
  scenario?: XrScenarioId | null;
  /** The plan's answers; written only with the commute scenario. */
  answers?: Answers | null;
}

export interface ParsedTwinLink {
  vehicleId: string | null;
  paint: { id: string } | { hex: string } | null;
  view: TwinView | null;
  scenario: XrScenarioId | null;
  answers: Answers | null;
}

/** A bundle directory name (as `models/index.json` lists them). */
const VEHICLE_ID = /^[a-z0-9-]{1,64}$/;
/** PaintSchema's id. */
const PAINT_ID = /^[a-z0-9_-]{1,64}$/;
const HEX = /^#[0-9a-fA-F]{6}$/;

/** The deep link for this state on `origin` (an origin the phone reaches). */
export function twinLink(origin: string, state: TwinLinkState): string {
  const q = new URLSearchParams({ twin: state.vehicleId });
  if (state.paint) q.set('paint', HEX.test(state.paint) ? state.paint.toLowerCase() : state.paint);
  if (state.view) q.set('view', state.view);
  const commute = state.scenario === 'commute';
  if (state.scenario && (!commute || commuteAvailable(state.answers ?? null))) {
    q.set('scenario', state.scenario);
    if (commute) q.set('a', encodeAnswers(state.answers!));
  }
  return `${origin.replace(/\/$/, '')}/?${q.toString()}${TWIN_ROUTE}`;
}

/** The link's values from a page's `location.search`, each valid or null. */
export function parseTwinLink(search: string): ParsedTwinLink {
  const q = new URLSearchParams(search);
  const vehicle = q.get('twin');
  const paint = q.get('paint');
  const view = TwinViewSchema.safeParse(q.get('view'));
  let scenario: XrScenarioId | null = isXrScenarioId(q.get('scenario')) ? (q.get('scenario') as XrScenarioId) : null;
  let answers: Answers | null = null;
  if (scenario === 'commute') {
    const a = q.get('a');
    answers = a ? decodeAnswers(a) : null;
    if (!commuteAvailable(answers)) {
      answers = null;
      scenario = null;
    }
  }
  return {
    vehicleId: vehicle !== null && VEHICLE_ID.test(vehicle) ? vehicle : null,
    paint: paint === null ? null : HEX.test(paint) ? { hex: paint.toLowerCase() } : PAINT_ID.test(paint) ? { id: paint } : null,
    view: view.success ? view.data : null,
    scenario,
    answers,
  };
}

/** The colour a link's paint stands for on this bundle: its paint's, or the colour itself; null for an unknown id. */
export function resolvePaint(paint: ParsedTwinLink['paint'], paints: readonly { id: string; hex: string }[]): string | null {
  if (!paint) return null;
  if ('hex' in paint) return paint.hex;
  return paints.find((p) => p.id === paint.id)?.hex ?? null;
}

/** How a link names the colour on screen: the bundle's paint id, else the colour. */
export function paintParam(hex: string | null, paints: readonly { id: string; hex: string }[]): string | null {
  if (!hex) return null;
  return paints.find((p) => p.hex.toLowerCase() === hex.toLowerCase())?.id ?? hex.toLowerCase();
}

/**
 * The HTTPS origin a phone can open the link at: the kiosk start URL's `?share=`, else the
 * server's PUBLIC_ORIGIN, whichever is HTTPS first; null when neither is (a phone on plain HTTP
 * gets no WebXR, so a QR code to it would not work) or it names this machine.
 */
export function handoffOrigin(search: string, publicOrigin: string | null | undefined): string | null {
  const fromStartUrl = new URLSearchParams(search).has('share') ? shareOrigin(search, '') : '';
  for (const candidate of [fromStartUrl, publicOrigin ?? '']) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' && !isLoopbackHost(url.host)) return url.origin;
    } catch {
      // not a URL: try the next
    }
  }
  return null;
}
