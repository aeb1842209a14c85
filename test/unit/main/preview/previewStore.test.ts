import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreviewStore } from '../../../../electron/main/services/preview/previewStore';
import { countsQuery, normalizeFilter, sliceKey } from '../../../../electron/main/services/preview/sliceFilter';
import type { SliceSnapshot } from '../../../../shared/ipc/features/leaderboardContract';

const SERVER = 'http://127.0.0.1:8787';

function snapshot(filter: SliceSnapshot['filter'], serverUrl = SERVER): SliceSnapshot {
  return {
    filter,
    serverUrl,
    fetchedAt: '2026-11-27T10:00:00.000Z',
    computedAt: '2026-11-27T10:00:00.000Z',
    serverVersion: 12,
    minRaters: 5,
    raters: 9,
    votes: 12,
    withheld: false,
    counts: { models: ['a', 'b'], rows: [{ a: 0, b: 1, winsA: 7, winsB: 3, ties: 1, bothBad: 1 }] },
    ownSeqAtFetch: 4,
  };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-preview-'));

describe('slice keys', () => {
  it('normalizes filters so field order does not matter, and builds the counts query', () => {
    expect(normalizeFilter({ category: 'code', language: 'de' })).toEqual({ language: 'de', category: 'code' });
    expect(sliceKey(SERVER, { category: 'code', language: 'de' })).toBe(sliceKey(SERVER, { language: 'de', category: 'code' }));
    expect(sliceKey(SERVER, {})).not.toBe(sliceKey('http://other', {}));
    expect(countsQuery({ category: 'a&b', language: 'de' }, 'country')).toBe('?language=de&category=a%26b&by=country');
    expect(countsQuery({})).toBe('');
  });
});

describe('the preview disk cache', () => {
  it('keeps slices across instances, per server and per normalized filter', () => {
    const dir = tempDir();
    new PreviewStore(dir, () => undefined).writeSlices([snapshot({ language: 'de', category: 'code' })]);
    const reopened = new PreviewStore(dir, () => undefined);
    expect(reopened.readSlice(SERVER, { category: 'code', language: 'de' })).toEqual(snapshot({ language: 'de', category: 'code' }));
    expect(reopened.readSlice(SERVER, { language: 'de' })).toBeUndefined();
    expect(reopened.readSlice('http://other:1', { language: 'de', category: 'code' })).toBeUndefined();
  });

  it('reads a damaged file as never fetched and sets it aside', () => {
    const dir = tempDir();
    const messages: string[] = [];
    const store = new PreviewStore(dir, (message) => messages.push(message));
    store.writeSlices([snapshot({})]);
    const [file] = fs.readdirSync(path.join(dir, 'slices'));
    fs.writeFileSync(path.join(dir, 'slices', file!), '{"filter": {}, "counts": ');
    expect(store.readSlice(SERVER, {})).toBeUndefined();
    expect(messages[0]).toMatch(/not valid JSON/);
    fs.writeFileSync(path.join(dir, 'slices', file!), JSON.stringify({ ...snapshot({}), raters: -1 }));
    expect(store.readSlice(SERVER, {})).toBeUndefined();
  });

  it('keeps only the newest slices once over its limit', () => {
    const dir = tempDir();
    const store = new PreviewStore(dir, () => undefined, 3);
    for (const language of ['a', 'b', 'c', 'd', 'e']) {
      store.writeSlices([snapshot({ language })]);
      const file = fs.readdirSync(path.join(dir, 'slices')).length;
      expect(file).toBeLessThanOrEqual(3);
    }
    expect(store.readSlice(SERVER, { language: 'e' })).toBeDefined();
  });

  it('keeps the profile and the catalog for the server they came from', () => {
    const store = new PreviewStore(tempDir(), () => undefined);
    const profile = { country: 'EG', ageBand: '35-44' as const, education: 'bachelor' as const, languages: [], specialties: [] };
    store.writeProfile(SERVER, profile);
    expect(store.readProfile(SERVER)).toEqual(profile);
    expect(store.readProfile('http://other:1')).toBeUndefined();
  });
});
