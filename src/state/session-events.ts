import { create } from 'zustand';
import { BEHAVIOUR_EVENTS, type BehaviourEvent } from '../plan/tags.ts';
import { onSessionReset } from './session-reset.ts';

/** One thing the customer did during this kiosk session; `at` is an ISO instant. */
export interface SessionEvent {
  type: BehaviourEvent;
  at: string;
}

/** A lead carries at most 200 events (src/leads): keep the newest. */
export const MAX_SESSION_EVENTS = 200;

interface SessionEventsState {
  events: SessionEvent[];
  clear: () => void;
}

/**
 * The kiosk session's behaviour events (viewed the x-ray, compared scenarios, saw a plan...),
 * the input to the behaviour and value tags of a lead. In memory only, cleared when the session
 * ends; never shown to the customer.
 */
export const useSessionEvents = create<SessionEventsState>()((set) => ({
  events: [],
  clear: () => set({ events: [] }),
}));

/**
 * Records a behaviour event for this session. Screens call it from their handlers, e.g.
 * `recordEvent('viewed-xray')`. Unknown types are ignored (returns false) rather than thrown, so
 * a typo elsewhere can never break a customer's tap.
 */
export function recordEvent(type: BehaviourEvent, now: Date = new Date()): boolean {
  if (!(BEHAVIOUR_EVENTS as readonly string[]).includes(type)) return false;
  const { events } = useSessionEvents.getState();
  const next = [...events, { type, at: now.toISOString() }];
  useSessionEvents.setState({ events: next.length > MAX_SESSION_EVENTS ? next.slice(-MAX_SESSION_EVENTS) : next });
  return true;
}

/** The event types recorded so far, in order (what `leadTags` takes). */
export function sessionEventTypes(): BehaviourEvent[] {
  return useSessionEvents.getState().events.map((e) => e.type);
}

onSessionReset(() => useSessionEvents.getState().clear());
