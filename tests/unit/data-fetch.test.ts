// `npm run data:fetch` against a local mirror on 127.0.0.1 (hashes pass, corrupt and 404 files fail by name); raw-dir order.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchRaw, sha256Of, summary, type FetchResult } from '../../data/pipeline/fetch-raw';
import { findRawDataDir, fullRawDataDir, RAW_DATA_HINT } from '../../data/pipeline/raw-dir';
import { RAW_INPUTS } from '../../data/pipeline/raw-inputs';

const MIRROR = fullRawDataDir();
if (MIRROR === null)
  console.log(
    `skipped: the local-mirror fetch tests serve the full raw data, which is absent (${RAW_DATA_HINT})`,
  );

describe('where the raw data is looked for (raw-dir.ts)', () => {
  const base = mkdtempSync(join(tmpdir(), 'cmm-rawdir-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  let n = 0;
  /** A project root in a fresh folder, optionally with ../shared/data-raw and a data/raw holding some inputs. */
  function layout(shared: boolean, fetched: 'none' | 'partial' | 'complete'): string {
    const root = join(base, `case-${n++}`, 'project');
    mkdirSync(root, { recursive: true });
    if (shared) mkdirSync(join(root, '..', 'shared', 'data-raw'), { recursive: true });
    const inputs = fetched === 'complete' ? RAW_INPUTS : fetched === 'partial' ? RAW_INPUTS.slice(1) : [];
    for (const input of inputs) {
      const file = join(root, 'data', 'raw', input.path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '');
    }
    return root;
  }
  test.each([
    {
      title: 'RAW_DATA_DIR wins over everything',
      env: '/x/raw',
      shared: true,
      fetched: 'complete',
      want: '/x/raw',
    },
    {
      title: 'then ../shared/data-raw',
      env: '',
      shared: true,
      fetched: 'complete',
      want: '../shared/data-raw',
    },
    {
      title: 'then a complete data/raw',
      env: undefined,
      shared: false,
      fetched: 'complete',
      want: 'data/raw',
    },
    {
      title: 'an incomplete data/raw is not used',
      env: undefined,
      shared: false,
      fetched: 'partial',
      want: null,
    },
    { title: 'nothing found', env: undefined, shared: false, fetched: 'none', want: null },
  ] as const)('$title', ({ env, shared, fetched, want }) => {
    const root = layout(shared, fetched);
    const found = findRawDataDir({ env: { RAW_DATA_DIR: env }, root });
    if (want === null) expect(found).toBeNull();
    else if (want.startsWith('/')) expect(found).toBe(want);
    else expect(found).toBe(join(root, want));
  });
});

describe('the raw-input manifest', () => {
  test.each(RAW_INPUTS.map((i) => [i.path, i] as const))('%s', (_path, input) => {
    expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(input.bytes).toBeGreaterThan(0);
    // Exactly one of a URL (https, pinned to a commit on GitHub) and a reason.
    expect((input.url === undefined) !== (input.reason === undefined)).toBe(true);
    if (input.url !== undefined)
      expect(input.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/.+\/[0-9a-f]{40}\//);
    if (input.reason !== undefined) expect(input.reason.length).toBeGreaterThan(20);
  });

  test('paths are unique', () => {
    expect(new Set(RAW_INPUTS.map((i) => i.path)).size).toBe(RAW_INPUTS.length);
  });

  test('files without a URL are listed with their reason and nothing is downloaded', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cmm-fetch-'));
    const manual = RAW_INPUTS.filter((i) => i.url === undefined);
    const results = await fetchRaw({ outDir: out, inputs: manual });
    expect(results).toEqual(
      manual.map((i) => ({ path: i.path, status: 'not-downloadable', detail: i.reason })),
    );
    expect(summary(results, out).join('\n')).toMatch(/Not downloadable, copy by hand/);
    rmSync(out, { recursive: true, force: true });
  });
});

describe.skipIf(MIRROR === null)('fetching from a local mirror of the raw folder', () => {
  /** Paths the server answers with changed bytes, and paths it answers with 404. */
  const CORRUPT = 'usgs-ree-orris-grauch-2002/ree_main.csv';
  const MISSING = 'critical-materials-atlas-baci/reference_shares/refining.json';
  let server: Server;
  let base: string;
  let breakFiles = false;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').replace(/^\/raw\//, ''));
      requests.push(path);
      const file = join(MIRROR ?? '', path);
      if (path.includes('..') || !existsSync(file) || (breakFiles && path === MISSING)) {
        res.writeHead(404).end('not found');
        return;
      }
      const bytes = readFileSync(file);
      if (breakFiles && path === CORRUPT) bytes[10] = (bytes[10] ?? 0) ^ 0xff;
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/raw`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const byPath = (results: FetchResult[]) => new Map(results.map((r) => [r.path, r]));

  test('every file arrives with its pinned sha256; a second run downloads nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cmm-fetch-'));
    const results = await fetchRaw({ outDir: out, baseUrl: base });
    expect(results.map((r) => [r.path, r.status])).toEqual(RAW_INPUTS.map((i) => [i.path, 'downloaded']));
    for (const input of RAW_INPUTS)
      expect(sha256Of(readFileSync(join(out, input.path))), input.path).toBe(input.sha256);
    expect(summary(results, out).at(-1)).toMatch(/complete/);

    requests.length = 0;
    const again = await fetchRaw({ outDir: out, baseUrl: base });
    expect(again.every((r) => r.status === 'present')).toBe(true);
    expect(requests).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);

  test.each([
    {
      title: 'a corrupted file',
      path: CORRUPT,
      detail: /ree_main\.csv: sha256 [0-9a-f]{64} \(116043 bytes\) is not the pinned a349a513/,
    },
    { title: 'a missing file (404)', path: MISSING, detail: /refining\.json: HTTP 404/ },
  ])(
    '$title is reported as failed by name and not written',
    async ({ path, detail }) => {
      const out = mkdtempSync(join(tmpdir(), 'cmm-fetch-'));
      breakFiles = true;
      const results = byPath(await fetchRaw({ outDir: out, baseUrl: base }));
      breakFiles = false;
      expect(results.get(path)?.status).toBe('failed');
      expect(results.get(path)?.detail).toMatch(detail);
      expect(existsSync(join(out, path))).toBe(false);
      expect(
        [...results.values()]
          .filter((r) => r.status === 'failed')
          .map((r) => r.path)
          .sort(),
      ).toEqual([CORRUPT, MISSING].sort());
      const lines = summary([...results.values()], out).join('\n');
      expect(lines).toMatch(/FAILED \(2\):/);
      expect(lines).toContain(path);
      expect(lines).toMatch(/incomplete \(2 files missing\)/);
      rmSync(out, { recursive: true, force: true });
    },
    60_000,
  );
});
