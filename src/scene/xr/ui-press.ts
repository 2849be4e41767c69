/**
 * A trigger pulled at a panel button must not also place the car: the placement ignores a select
 * whose press began on the panel. Pointer-down on a panel button notes the time; a select started
 * before it and ended after it was a button press.
 */
let lastUiPressMs = -Infinity;

export function noteUiPress(nowMs: number = performance.now()): void {
  lastUiPressMs = nowMs;
}

/** Whether a panel button was pressed since `sinceMs` (the select's start). */
export function uiPressedSince(sinceMs: number): boolean {
  return lastUiPressMs >= sinceMs;
}
