import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../leads/api-client.ts';
import { useRepSession } from '../../state/rep-session.ts';

export type ApiQuery<T> = { data: T | null; error: Error | null; loading: boolean; reload: () => void };

/**
 * Loads from the lead server whenever `key` changes; the latest request wins (an older reply that
 * arrives late is dropped). A 401 means the token was revoked meanwhile: the rep is signed out.
 */
export function useApiQuery<T>(key: string, load: () => Promise<T>): ApiQuery<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) useRepSession.getState().signOut();
        setState({ data: null, error, loading: false });
      },
    );
    return () => {
      current = false;
    };
    // `load` is recreated each render; `key` says when what it loads changed.
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** A user-facing reason for a failed call: the server's message, or the network. */
export function errorMessage(error: Error): string {
  return error instanceof ApiError ? error.message : error.name === 'TypeError' ? 'network error' : error.message;
}
