/**
 * The two-finger twist that turns the placed car on a phone: the change of the angle of the line
 * between two touches, in radians, positive counter-clockwise on the screen (as seen by the user),
 * which turns the car counter-clockwise seen from above. Pure.
 */
export type Touch2 = readonly [{ x: number; y: number }, { x: number; y: number }];

/** The screen angle of the line from the first touch to the second (screen y points down). */
export function touchAngle([a, b]: Touch2): number {
  return Math.atan2(-(b.y - a.y), b.x - a.x);
}

/** The twist from `from` to `to`, in (−π, π]: a quarter turn between two events is a quarter turn, not three. */
export function twistRad(from: Touch2, to: Touch2): number {
  let d = touchAngle(to) - touchAngle(from);
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}
