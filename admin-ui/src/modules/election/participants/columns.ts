// The participant list's columns: the ones the server knows (engine/modules/election/participants/columns.ts),
// which of them are special-category data (diets: religion or health; party membership: political opinion —
// never chosen by default, offered only to administrators), the default choice, and the browser's own choice,
// kept in localStorage per tenant so it survives a reload. The same choice, in its order, is what the export
// holds.
import { useCallback, useSyncExternalStore } from 'react';

import { isSpecialColumn, PARTICIPANT_COLUMNS, type ParticipantColumn } from '../../../../../schemas/election/participant-columns';

export { ORDINARY_COLUMNS, SPECIAL_COLUMNS, isSpecialColumn, type ParticipantColumn } from '../../../../../schemas/election/participant-columns';
export const ALL_COLUMNS = PARTICIPANT_COLUMNS;

/** Always shown: the row's link to the profile. */
export const FIXED_COLUMN: ParticipantColumn = 'name';
export const DEFAULT_COLUMNS: readonly ParticipantColumn[] = ['name', 'personalNumber', 'birthDate', 'address', 'registryStatus', 'teams', 'tasks'];

/** The columns the server sorts by (the name in the tenant's collation). */
export const SORTABLE: Partial<Record<ParticipantColumn, 'name' | 'birthDate' | 'createdAt'>> = { name: 'name', birthDate: 'birthDate', createdAt: 'createdAt' };

const STORAGE_KEY = 'tingvalla.election.participantColumns';
const listeners = new Set<() => void>();
/** The choice of this page's life, where the browser refuses storage. */
const memory = new Map<string, string>();
const storageKey = (tenant: string) => `${STORAGE_KEY}.${tenant}`;

function read(tenant: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(tenant)) ?? memory.get(tenant) ?? null;
  } catch {
    return memory.get(tenant) ?? null; // storage refused: kept for this page's life only
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** A stored choice as known columns in the list's order, the fixed one always in, special ones only when allowed. */
export function columnsOf(stored: string | null, specialAllowed: boolean): ParticipantColumn[] {
  let chosen: unknown;
  try {
    chosen = stored ? JSON.parse(stored) : null;
  } catch {
    chosen = null;
  }
  const wanted = new Set(Array.isArray(chosen) ? chosen.filter((c): c is string => typeof c === 'string') : DEFAULT_COLUMNS);
  wanted.add(FIXED_COLUMN);
  return ALL_COLUMNS.filter((c) => wanted.has(c) && (specialAllowed || !isSpecialColumn(c)));
}

/** The columns this browser shows (and exports) for the tenant, and a way to change them. */
export function useChosenColumns(tenant: string, specialAllowed: boolean): [ParticipantColumn[], (next: ParticipantColumn[]) => void] {
  const stored = useSyncExternalStore(subscribe, () => read(tenant));
  const set = useCallback(
    (next: ParticipantColumn[]) => {
      memory.set(tenant, JSON.stringify(next));
      try {
        window.localStorage.setItem(storageKey(tenant), JSON.stringify(next));
      } catch {
        // not kept across reloads
      }
      for (const l of listeners) l();
    },
    [tenant],
  );
  return [columnsOf(stored, specialAllowed), set];
}
