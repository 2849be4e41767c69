import { describe, expect, it } from 'vitest';
import { touchAngle, twistRad } from '../../src/xr/twist.ts';

const pair = (ax: number, ay: number, bx: number, by: number) => [{ x: ax, y: ay }, { x: bx, y: by }] as const;

describe('two-finger twist', () => {
  it('reads counter-clockwise on the screen as positive (screen y points down)', () => {
    expect(touchAngle(pair(0, 0, 100, 0))).toBeCloseTo(0, 12);
    expect(touchAngle(pair(0, 0, 0, -100))).toBeCloseTo(Math.PI / 2, 12); // second finger above the first
    expect(twistRad(pair(0, 0, 100, 0), pair(0, 0, 0, -100))).toBeCloseTo(Math.PI / 2, 12);
    expect(twistRad(pair(0, 0, 100, 0), pair(0, 0, 0, 100))).toBeCloseTo(-Math.PI / 2, 12);
  });

  it('takes the short way round when the line crosses ±180°, and ignores where the fingers are', () => {
    expect(twistRad(pair(0, 0, -100, 10), pair(0, 0, -100, -10))).toBeCloseTo(-2 * Math.atan(0.1), 12);
    expect(twistRad(pair(300, 400, 400, 400), pair(10, 20, 110, 20))).toBeCloseTo(0, 12);
  });
});
