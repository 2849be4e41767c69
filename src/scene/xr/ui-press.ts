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

/** The panel button a ray or finger is over now (`id`), for the browser tests; null when none. */
let hovered: string | null = null;

export function noteHover(id: string, over: boolean): void {
  if (over) hovered = id;
  else if (hovered === id) hovered = null;
}

export function hoveredButton(): string | null {
  return hovered;
}
