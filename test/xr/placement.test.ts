import { describe, expect, it } from 'vitest';
import { headingTowards, INITIAL_PLACEMENT, placementReducer, THREE_QUARTER_RAD, wrapRad, type PlacementEvent, type PlacementState } from '../../src/xr/placement.ts';

const run = (events: PlacementEvent[], from: PlacementState = INITIAL_PLACEMENT) => events.reduce(placementReducer, from);

describe('AR placement', () => {
  it('scans until the floor is found, then places the car upright where the hit is, front three-quarters to the viewer', () => {
    const s = run([{ type: 'floor', found: true }, { type: 'place', at: [1, 0, -3], viewer: [1, 1.6, 0] }]);
    expect(s).toMatchObject({ kind: 'placed', anchored: false, scale: 1, pose: { position: [1, 0, -3] } });
    // The viewer is straight along +z from the car: the car's front turns 35° off that line, to show its left.
    if (s.kind !== 'placed') throw new Error(s.kind);
    expect(s.pose.yawRad).toBeCloseTo(-THREE_QUARTER_RAD, 12);
    const inCar = wrapRad(headingTowards([1, 0, -3], [1, 1.6, 0]) - s.pose.yawRad);
    expect(inCar).toBeCloseTo(THREE_QUARTER_RAD, 12); // the viewer is on the car's left-front
  });

  it('remembers whether the floor is found only while scanning, changing state only when it changes', () => {
    const found = run([{ type: 'floor', found: true }]);
    expect(placementReducer(found, { type: 'floor', found: true })).toBe(found);
    expect(run([{ type: 'floor', found: false }], found)).toEqual(INITIAL_PLACEMENT);
    const placed = run([{ type: 'place', at: [0, 0, -2], viewer: [0, 1.6, 0] }]);
    expect(placementReducer(placed, { type: 'floor', found: false })).toBe(placed);
  });

  it('is anchored once the anchor exists; a second place or anchor changes nothing', () => {
    const placed = run([{ type: 'place', at: [0, 0, -2], viewer: [0, 1.6, 0] }, { type: 'anchored' }]);
    expect(placed).toMatchObject({ kind: 'placed', anchored: true });
    expect(placementReducer(placed, { type: 'anchored' })).toBe(placed);
    expect(placementReducer(placed, { type: 'place', at: [5, 0, 5], viewer: [0, 1.6, 0] })).toBe(placed);
    expect(placementReducer(INITIAL_PLACEMENT, { type: 'anchored' })).toBe(INITIAL_PLACEMENT);
  });

  it('moves and turns while adjusting; a moved car leaves its anchor until placed again', () => {
    const placed = run([{ type: 'place', at: [0, 0, -2], viewer: [0, 1.6, 0] }, { type: 'anchored' }]);
    const moved = run([{ type: 'beginAdjust', gesture: 'move' }, { type: 'moveTo', at: [0.5, 0.01, -2.5] }, { type: 'rotateBy', rad: Math.PI / 2 }, { type: 'endAdjust' }], placed);
    if (moved.kind !== 'placed' || placed.kind !== 'placed') throw new Error('not placed');
    expect(moved.pose.position).toEqual([0.5, 0.01, -2.5]);
    expect(moved.pose.yawRad).toBeCloseTo(wrapRad(placed.pose.yawRad + Math.PI / 2), 12);
    expect(moved.anchored).toBe(false);
    // Turning alone (a thumbstick while placed) keeps the anchor: the car turns about its own point.
    expect(run([{ type: 'rotateBy', rad: 0.3 }], placed)).toMatchObject({ kind: 'placed', anchored: true });
  });

  it('ignores adjusting events outside adjusting, and keeps angles within (−π, π]', () => {
    expect(run([{ type: 'moveTo', at: [9, 9, 9] }, { type: 'endAdjust' }, { type: 'beginAdjust', gesture: 'move' }])).toEqual(INITIAL_PLACEMENT);
    const placed = run([{ type: 'place', at: [0, 0, -2], viewer: [0, 1.6, 0] }]);
    const spun = run(Array.from({ length: 9 }, () => ({ type: 'rotateBy', rad: Math.PI / 2 }) as const), placed);
    if (spun.kind !== 'placed') throw new Error(spun.kind);
    expect(spun.pose.yawRad).toBeGreaterThan(-Math.PI);
    expect(spun.pose.yawRad).toBeLessThanOrEqual(Math.PI);
    expect(wrapRad(Math.PI)).toBe(Math.PI);
    expect(wrapRad(-Math.PI)).toBe(Math.PI);
  });

  it('switches between the real car and a 1:10 model in any state, and starts scanning again on reset, keeping the scale', () => {
    const table = run([{ type: 'setScale', scale: 0.1 }]);
    expect(table).toEqual({ kind: 'scanning', floorFound: false, scale: 0.1 });
    const placed = run([{ type: 'place', at: [0, 0.75, -1], viewer: [0, 1.6, 0] }], table);
    expect(placed).toMatchObject({ kind: 'placed', scale: 0.1 });
    expect(run([{ type: 'setScale', scale: 1 }, { type: 'reset' }], placed)).toEqual({ kind: 'scanning', floorFound: false, scale: 1 });
  });
});
