import { describe, expect, it } from 'vitest';
import {
  cursorPagesReducer,
  initialCursorPages,
  loadFirstPage,
  loadNextPage,
  type CursorPage,
  type CursorPagesAction,
  type CursorPagesState,
  type PageFetcher,
  type StalePages,
} from './useCursorPages';

interface Item {
  id: string;
  note?: string;
}

const keyOf = (item: Item) => item.id;
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

/** The reducer behind a store the runners dispatch into, as useReducer would. */
function store(state: CursorPagesState<Item, string> = initialCursorPages<Item, string>(false)) {
  const seen: CursorPagesAction<Item, string>['type'][] = [];
  const holder = {
    state,
    seen,
    dispatch: (action: CursorPagesAction<Item, string>) => {
      seen.push(action.type);
      holder.state = cursorPagesReducer(holder.state, action);
    },
  };
  return holder;
}

/** A fetcher answering each cursor from `pages`, remembering what it was asked. */
function fetcher(pages: Record<string, CursorPage<Item, string> | Error>) {
  const asked: (string | null)[] = [];
  const fetchPage: PageFetcher<Item, string> = async (cursor) => {
    asked.push(cursor);
    const answer = pages[cursor ?? 'first'];
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetchPage, asked };
}

/** A fetch that waits until the test settles it. */
function deferred() {
  let resolve!: (page: CursorPage<Item, string>) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<CursorPage<Item, string>>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { fetchPage: () => promise, resolve, reject };
}

const loadedState = (overrides: Partial<CursorPagesState<Item, string>> = {}): CursorPagesState<Item, string> => ({
  items: items('a', 'b'),
  cursor: 'c1',
  loaded: true,
  loading: false,
  loadingMore: false,
  error: null,
  ...overrides,
});

describe('cursor pages: the reducer', () => {
  it('starts empty, loading or not', () => {
    expect(initialCursorPages(true)).toEqual({ items: [], cursor: null, loaded: false, loading: true, loadingMore: false, error: null });
    expect(initialCursorPages(false).loading).toBe(false);
  });

  it('a first page replaces the items and takes the next cursor; an absent one is the last page', () => {
    const state = cursorPagesReducer(loadedState({ loading: true }), { type: 'loaded', page: { items: items('x'), nextCursor: 'c9' } });
    expect(state).toMatchObject({ items: items('x'), cursor: 'c9', loaded: true, loading: false });
    const last = cursorPagesReducer(state, { type: 'loaded', page: { items: null } });
    expect(last).toMatchObject({ items: [], cursor: null, loaded: true });
  });

  it("starting over: 'clear' drops the items, 'keep' and 'keepUntilLoaded' show them while loading", () => {
    const before = loadedState({ error: new Error('old'), loadingMore: true });
    expect(cursorPagesReducer(before, { type: 'start', stale: 'clear' })).toEqual(initialCursorPages(true));
    for (const stale of ['keep', 'keepUntilLoaded'] as StalePages[]) {
      expect(cursorPagesReducer(before, { type: 'start', stale })).toEqual(
        loadedState({ loading: true, loadingMore: false, error: null }),
      );
    }
  });

  it("a failed first page: the error shows; 'keepUntilLoaded' drops the items shown, 'keep' keeps them", () => {
    const error = new Error('502');
    const loading = loadedState({ loading: true });
    expect(cursorPagesReducer(loading, { type: 'failed', error, stale: 'keep' })).toEqual(loadedState({ error }));
    expect(cursorPagesReducer(loading, { type: 'failed', error, stale: 'keepUntilLoaded' })).toEqual(
      { items: [], cursor: null, loaded: false, loading: false, loadingMore: false, error },
    );
    const cleared = cursorPagesReducer(initialCursorPages<Item, string>(true), { type: 'failed', error, stale: 'clear' });
    expect(cleared).toEqual({ ...initialCursorPages(false), error });
  });

  it('a next page is added after the items, without the ones already shown, and moves the cursor', () => {
    const more = cursorPagesReducer(loadedState({ error: new Error('old') }), { type: 'moreStart' });
    expect(more).toMatchObject({ loadingMore: true, error: null });
    const added = cursorPagesReducer(more, { type: 'moreLoaded', page: { items: items('b', 'c'), nextCursor: null }, keyOf });
    expect(added).toEqual(loadedState({ items: items('a', 'b', 'c'), cursor: null }));
  });

  it('a failed next page keeps the items and the cursor (to try again)', () => {
    const error = new Error('timeout');
    const failed = cursorPagesReducer(loadedState({ loadingMore: true }), { type: 'moreFailed', error });
    expect(failed).toEqual(loadedState({ error }));
  });

  it('an update changes the items in place', () => {
    const updated = cursorPagesReducer(loadedState(), {
      type: 'update',
      update: (current) => current.map((item) => (item.id === 'b' ? { ...item, note: 'resolved' } : item)),
    });
    expect(updated.items).toEqual([{ id: 'a' }, { id: 'b', note: 'resolved' }]);
    expect(updated.cursor).toBe('c1');
  });
});

describe('cursor pages: loading', () => {
  it('loads the first page, then the next ones by cursor, to the last', async () => {
    const { fetchPage, asked } = fetcher({
      first: { items: items('a', 'b'), nextCursor: 'c1' },
      c1: { items: items('b', 'c'), nextCursor: 'c2' },
      c2: { items: items('d') },
    });
    const list = store();
    const signal = new AbortController().signal;
    await loadFirstPage(fetchPage, signal, list.dispatch, 'clear');
    expect(list.state).toEqual(loadedState());
    await loadNextPage(fetchPage, list.state.cursor!, signal, list.dispatch, keyOf);
    await loadNextPage(fetchPage, list.state.cursor!, signal, list.dispatch, keyOf);
    expect(asked).toEqual([null, 'c1', 'c2']);
    expect(list.state).toEqual(loadedState({ items: items('a', 'b', 'c', 'd'), cursor: null }));
  });

  it('shows the loading states while a page is on its way', async () => {
    const first = deferred();
    const list = store();
    const signal = new AbortController().signal;
    const loading = loadFirstPage(first.fetchPage, signal, list.dispatch, 'clear');
    expect(list.state).toMatchObject({ loading: true, loadingMore: false });
    first.resolve({ items: items('a'), nextCursor: 'c1' });
    await loading;
    const next = deferred();
    const more = loadNextPage(next.fetchPage, 'c1', signal, list.dispatch, keyOf);
    expect(list.state).toMatchObject({ loading: false, loadingMore: true });
    next.reject(new Error('down'));
    await more;
    expect(list.state).toMatchObject({ items: items('a'), cursor: 'c1', loadingMore: false, error: new Error('down') });
  });

  it('a failure is kept for ErrorAlert as it came (the problem detail)', async () => {
    const problem = Object.assign(new Error('Forbidden'), { status: 403, code: 'forbidden' });
    const { fetchPage } = fetcher({ first: problem });
    const list = store();
    await loadFirstPage(fetchPage, new AbortController().signal, list.dispatch, 'clear');
    expect(list.state.error).toBe(problem);
    expect(list.state).toMatchObject({ loading: false, loaded: false, items: [] });
  });

  it('passes the signal on, and dispatches nothing once it is aborted (started over, or gone)', async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const first = deferred();
    const list = store();
    const loading = loadFirstPage((_cursor, signal) => {
      signals.push(signal);
      return first.fetchPage();
    }, controller.signal, list.dispatch, 'clear');
    controller.abort();
    first.resolve({ items: items('late'), nextCursor: 'c1' });
    await loading;
    expect(signals).toEqual([controller.signal]);
    expect(list.seen).toEqual(['start']);

    const failing = deferred();
    const again = new AbortController();
    const failed = loadFirstPage(failing.fetchPage, again.signal, list.dispatch, 'clear');
    again.abort();
    failing.reject(new DOMException('aborted', 'AbortError'));
    await failed;
    expect(list.seen).toEqual(['start', 'start']);
    expect(list.state.error).toBeNull();
  });

  it('a next page of a list that started over is dropped, and none is asked once aborted', async () => {
    const controller = new AbortController();
    const list = store(loadedState());
    const next = deferred();
    const more = loadNextPage(next.fetchPage, 'c1', controller.signal, list.dispatch, keyOf);
    controller.abort();
    next.resolve({ items: items('old-account'), nextCursor: 'c2' });
    await more;
    expect(list.state.items).toEqual(items('a', 'b'));
    expect(list.seen).toEqual(['moreStart']);

    const { fetchPage, asked } = fetcher({});
    await loadNextPage(fetchPage, 'c1', controller.signal, list.dispatch, keyOf);
    expect(asked).toEqual([]);
  });

  it('works with numeric cursors (movements: nextBefore)', async () => {
    const list = {
      state: initialCursorPages<Item, number>(false),
      dispatch(action: CursorPagesAction<Item, number>) {
        list.state = cursorPagesReducer(list.state, action);
      },
    };
    const signal = new AbortController().signal;
    await loadFirstPage(async () => ({ items: items('a'), nextCursor: 0 }), signal, list.dispatch, 'clear');
    expect(list.state.cursor).toBe(0);
    await loadNextPage(async (cursor) => ({ items: items(`after-${cursor}`), nextCursor: null }), 0, signal, list.dispatch, keyOf);
    expect(list.state).toMatchObject({ items: items('a', 'after-0'), cursor: null });
  });
});
