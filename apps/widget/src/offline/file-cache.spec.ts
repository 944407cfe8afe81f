/**
 * @jest-environment node
 */
// IndexedDB without a DOM: fake-indexeddb clones values with Node's structuredClone (not in jsdom).
import 'fake-indexeddb/auto';
import { createStore, keys } from 'idb-keyval';
import { FileCache } from './file-cache';

jest.mock('@satchel/upload-client', () => ({
  fetchWithProgress: jest.fn(async (_url: string, size: number) => new Blob([new Uint8Array(size)])),
}));

const KB = 1024;
let storeSeq = 0;

describe('FileCache (IndexedDB)', () => {
  const newStore = () => createStore(`satchel-test-${++storeSeq}`, 'files');
  const cachedIds = async (store: ReturnType<typeof createStore>) =>
    (await keys<string>(store)).filter((k) => !k.startsWith('satchel:')).sort();

  it('keeps received files, and drops the least recently used once the budget is reached', async () => {
    const store = newStore();
    const cache = new FileCache(store, { totalBytes: 250 * KB, maxFiles: 100 });
    await cache.blob('a', '/a', 100 * KB);
    await cache.blob('b', '/b', 100 * KB);
    expect(await cachedIds(store)).toEqual(['a', 'b']);

    await cache.blob('a', '/a', 100 * KB); // read again: now the most recently used
    await new Promise((r) => setTimeout(r, 10));
    await cache.blob('c', '/c', 100 * KB);
    expect(await cachedIds(store)).toEqual(['a', 'c']);
  });

  it('limits the number of files', async () => {
    const store = newStore();
    const cache = new FileCache(store, { totalBytes: 10_000 * KB, maxFiles: 3 });
    for (const id of ['1', '2', '3', '4', '5']) {
      await cache.blob(id, `/${id}`, KB);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await cachedIds(store)).toEqual(['3', '4', '5']);
  });
});
