/**
 * Placing the car on the showroom floor in AR: a small pure state machine.
 *
 *   scanning ──place(hit)──▶ placed ──beginAdjust──▶ adjusting ──endAdjust──▶ placed
 *      ▲                        │ anchored, setScale          │ moveTo, rotateBy, setScale
 *      └────────── reset ───────┴─────────────────────────────┘
 *
 * Scanning knows only whether the floor is found (hit tests run every frame; their poses live in a
 * plain object the reticle reads, not here). Placing stands the car upright where the hit is,
 * turned so its front three-quarters face the viewer. The pose is in the session's reference space
 * (metres, y up); `anchored` says an anchor from the hit-test result now holds it, so tracking
 * corrections move the car with the floor. Scale 1 is the real car, 0.1 a model on a table.
 */

/** [x, y, z] in metres, reference space. */
export type Vec3 = readonly [number, number, number];

/** Where the car stands: its floor point and its heading (rotation about +y, radians). */
export interface CarPose {
  position: Vec3;
  yawRad: number;
}

export type PlacementScale = 1 | 0.1;

export type PlacementState =
  | { kind: 'scanning'; floorFound: boolean; scale: PlacementScale }
  | { kind: 'placed'; pose: CarPose; scale: PlacementScale; anchored: boolean }
  | { kind: 'adjusting'; pose: CarPose; scale: PlacementScale; anchored: boolean; gesture: 'move' | 'rotate' };

export type PlacementEvent =
  | { type: 'floor'; found: boolean }
  /** Place at a hit, seen from the viewer's position (to face the car towards them). */
  | { type: 'place'; at: Vec3; viewer: Vec3 }
  | { type: 'anchored' }
  | { type: 'beginAdjust'; gesture: 'move' | 'rotate' }
  /** The floor point the car is dragged to. */
  | { type: 'moveTo'; at: Vec3 }
  | { type: 'rotateBy'; rad: number }
  | { type: 'endAdjust' }
  | { type: 'setScale'; scale: PlacementScale }
  | { type: 'reset' };

export const INITIAL_PLACEMENT: PlacementState = { kind: 'scanning', floorFound: false, scale: 1 };

/**
 * How far the car's front (+z in the model; its left is +x) is turned from the line towards the
 * viewer, so the viewer sees the front three-quarter view from the car's left, as the kiosk's
 * `front34` camera does.
 */
export const THREE_QUARTER_RAD = (35 * Math.PI) / 180;

/** Heading (about +y; 0 is +z, π/2 is +x) that points +z from `from` towards `to` on the floor plane. */
export function headingTowards(from: Vec3, to: Vec3): number {
  const dx = to[0] - from[0];
  const dz = to[2] - from[2];
  return dx === 0 && dz === 0 ? 0 : Math.atan2(dx, dz);
}

/** An angle brought into (−π, π]. */
export function wrapRad(rad: number): number {
  const r = rad % (2 * Math.PI);
  return r > Math.PI ? r - 2 * Math.PI : r <= -Math.PI ? r + 2 * Math.PI : r;
}

export function placementReducer(state: PlacementState, event: PlacementEvent): PlacementState {
  switch (event.type) {
    case 'floor':
      return state.kind === 'scanning' && state.floorFound !== event.found ? { ...state, floorFound: event.found } : state;
    case 'place':
      if (state.kind !== 'scanning') return state;
      return { kind: 'placed', pose: { position: event.at, yawRad: wrapRad(headingTowards(event.at, event.viewer) - THREE_QUARTER_RAD) }, scale: state.scale, anchored: false };
    case 'anchored':
      return state.kind === 'scanning' || state.anchored ? state : { ...state, anchored: true };
    case 'beginAdjust':
      return state.kind === 'placed' ? { ...state, kind: 'adjusting', gesture: event.gesture } : state;
    case 'moveTo':
      // A moved car leaves its anchor: it is anchored again where the drag ends.
      return state.kind === 'adjusting' ? { ...state, pose: { ...state.pose, position: event.at }, anchored: false } : state;
    case 'rotateBy':
      return state.kind === 'adjusting' || state.kind === 'placed' ? { ...state, pose: { ...state.pose, yawRad: wrapRad(state.pose.yawRad + event.rad) } } : state;
    case 'endAdjust':
      if (state.kind !== 'adjusting') return state;
      return { kind: 'placed', pose: state.pose, scale: state.scale, anchored: state.anchored };
    case 'setScale':
      return state.scale === event.scale ? state : { ...state, scale: event.scale };
    case 'reset':
      return { kind: 'scanning', floorFound: false, scale: state.scale };
  }
}
