import { useCallback, useEffect, useReducer, useRef, useState, type DependencyList } from 'react';

/** A page as the APIs answer it: its items and the cursor of the next page (absent or null on the last page). */
export interface CursorPage<T, C> {
  items?: T[] | null;
  nextCursor?: C | null;
}

/** Fetches the page after `cursor` (null: the first page); `signal` aborts it when the list starts over or goes away. */
export type PageFetcher<T, C> = (cursor: C | null, signal: AbortSignal) => Promise<CursorPage<T, C>>;

/**
 * What starting over (new dependencies, reload) does with the items shown so far: `clear` drops them at once; `keep`
 * shows them until the new first page replaces them, and after an error; `keepUntilLoaded` shows them while the new
 * first page loads and drops them if it fails.
 */
export type StalePages = 'clear' | 'keep' | 'keepUntilLoaded';

export interface CursorPagesState<T, C> {
  items: T[];
  /** The next page's cursor; null on the last page (or before the first). */
  cursor: C | null;
  /** Whether `items` come from a loaded first page (false before one arrives, and after `clear` or a failed `keepUntilLoaded`). */
  loaded: boolean;
  /** The first page is on its way. */
  loading: boolean;
  /** A next page is on its way. */
  loadingMore: boolean;
  /** The last load's failure (a problem detail for ErrorAlert), null while none. */
  error: unknown;
}

export type CursorPagesAction<T, C> =
  | { type: 'start'; stale: StalePages }
  | { type: 'loaded'; page: CursorPage<T, C> }
  | { type: 'failed'; error: unknown; stale: StalePages }
  | { type: 'moreStart' }
  | { type: 'moreLoaded'; page: CursorPage<T, C>; keyOf: (item: T) => unknown }
  | { type: 'moreFailed'; error: unknown }
  | { type: 'update'; update: (items: T[]) => T[] };

export function initialCursorPages<T, C>(loading: boolean): CursorPagesState<T, C> {
  return { items: [], cursor: null, loaded: false, loading, loadingMore: false, error: null };
}

export function cursorPagesReducer<T, C>(state: CursorPagesState<T, C>, action: CursorPagesAction<T, C>): CursorPagesState<T, C> {
  switch (action.type) {
    case 'start':
      return action.stale === 'clear'
        ? initialCursorPages<T, C>(true)
        : { ...state, loading: true, loadingMore: false, error: null };
    case 'loaded':
      return { ...state, items: action.page.items ?? [], cursor: action.page.nextCursor ?? null, loaded: true, loading: false };
    case 'failed':
      return action.stale === 'keepUntilLoaded'
        ? { ...state, items: [], cursor: null, loaded: false, loading: false, error: action.error }
        : { ...state, loading: false, error: action.error };
    case 'moreStart':
      return { ...state, loadingMore: true, error: null };
    case 'moreLoaded': {
      // A page can repeat what the previous one ended with (items added in between): each item shows once.
      const known = new Set(state.items.map(action.keyOf));
      const added = (action.page.items ?? []).filter((item) => !known.has(action.keyOf(item)));
      return { ...state, items: [...state.items, ...added], cursor: action.page.nextCursor ?? null, loadingMore: false };
    }
    case 'moreFailed':
      return { ...state, loadingMore: false, error: action.error };
    case 'update':
      return { ...state, items: action.update(state.items) };
  }
}

/** Starts over with the first page; nothing is dispatched once `signal` is aborted. */
export async function loadFirstPage<T, C>(fetchPage: PageFetcher<T, C>, signal: AbortSignal,
  dispatch: (action: CursorPagesAction<T, C>) => void, stale: StalePages): Promise<void> {
  dispatch({ type: 'start', stale });
  try {
    const page = await fetchPage(null, signal);
    if (!signal.aborted) dispatch({ type: 'loaded', page });
  } catch (error) {
    if (!signal.aborted) dispatch({ type: 'failed', error, stale });
  }
}

/** Adds the page after `cursor`; nothing is dispatched once `signal` is aborted (the list started over or went away). */
export async function loadNextPage<T, C>(fetchPage: PageFetcher<T, C>, cursor: C, signal: AbortSignal,
  dispatch: (action: CursorPagesAction<T, C>) => void, keyOf: (item: T) => unknown): Promise<void> {
  if (signal.aborted) return;
  dispatch({ type: 'moreStart' });
  try {
    const page = await fetchPage(cursor, signal);
    if (!signal.aborted) dispatch({ type: 'moreLoaded', page, keyOf });
  } catch (error) {
    if (!signal.aborted) dispatch({ type: 'moreFailed', error });
  }
}

export interface CursorPagesOptions<T> {
  /** Tells items apart, so an item a next page repeats shows once. */
  keyOf: (item: T) => unknown;
  stale?: StalePages;
}

export interface CursorPages<T, C> extends CursorPagesState<T, C> {
  /** Loads the next page (nothing on the last page). */
  loadMore: () => void;
  /** Starts over with the first page. */
  reload: () => void;
  /** Changes the loaded items in place (an item updated by an action on it). */
  update: (update: (items: T[]) => T[]) => void;
}

/**
 * A list read page after page by cursor: the first page when the list appears, again when `deps` change or on
 * `reload()`, then `loadMore()` page after page. `fetchPage` null: nothing to load (yet). `fetchPage` may be a new
 * closure on every render; only `deps`, whether it is null, and `reload()` start over. Starting over and unmounting
 * abort what is on its way.
 */
export function useCursorPages<T, C = string>(fetchPage: PageFetcher<T, C> | null, deps: DependencyList,
  { keyOf, stale = 'clear' }: CursorPagesOptions<T>): CursorPages<T, C> {
  const enabled = fetchPage !== null;
  const [state, dispatch] = useReducer(cursorPagesReducer<T, C>, enabled, initialCursorPages<T, C>);
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ fetchPage, keyOf, stale });
  const current = useRef<AbortController | null>(null);

  useEffect(() => {
    latest.current = { fetchPage, keyOf, stale };
  });

  useEffect(() => {
    const load = latest.current.fetchPage;
    if (!load) {
      return undefined;
    }
    const controller = new AbortController();
    current.current = controller;
    void loadFirstPage(load, controller.signal, dispatch, latest.current.stale);
    return () => controller.abort();
    // `fetchPage` is a new closure on every render: only these start over (the caller's deps, as with useEffect).
  }, [enabled, generation, ...deps]);

  const { cursor } = state;
  const loadMore = useCallback(() => {
    const load = latest.current.fetchPage;
    const controller = current.current;
    if (!load || !controller || cursor === null) {
      return;
    }
    void loadNextPage(load, cursor, controller.signal, dispatch, latest.current.keyOf);
  }, [cursor]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const update = useCallback((change: (items: T[]) => T[]) => dispatch({ type: 'update', update: change }), []);

  return { ...state, loadMore, reload, update };
}
