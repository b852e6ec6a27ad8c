// `npm run data:fetch`: downloads each raw input (raw-inputs.ts) into data/raw/, checks its pinned sha256, reports failures.
/**
 * Usage: `npm run data:fetch [-- --base-url URL] [-- --out DIR]`.
 * Without a base URL each file comes from its own URL in raw-inputs.ts (the publisher's copy named in SOURCE.md);
 * files without one are listed with the reason (transcribed by hand, upstream path not recorded) and must be
 * copied in by hand. With `--base-url` (or `DATA_RAW_BASE_URL`), every file is fetched from `<base>/<path>`, a
 * mirror laid out like the raw folder. A file already present with the right sha256 is not downloaded again; a
 * download is written only when its sha256 matches. Exit code 1 when any download failed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FETCHED_RAW_DIR, missingRawInputs } from './raw-dir';
import { RAW_INPUTS, type RawInput } from './raw-inputs';

export type FetchStatus = 'downloaded' | 'present' | 'failed' | 'not-downloadable';

export interface FetchResult {
  path: string;
  status: FetchStatus;
  /** The URL used, or for a file that cannot be downloaded the reason; for a failure, what went wrong. */
  detail: string;
}

export interface FetchOptions {
  outDir: string;
  /** A mirror laid out like the raw folder; when set, every file comes from `<baseUrl>/<path>`. */
  baseUrl?: string;
  inputs?: readonly RawInput[];
  log?: (line: string) => void;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function urlFor(input: RawInput, baseUrl: string | undefined): string | null {
  if (baseUrl !== undefined) return `${baseUrl.replace(/\/+$/, '')}/${input.path}`;
  return input.url ?? null;
}

async function fetchOne(input: RawInput, outDir: string, baseUrl: string | undefined): Promise<FetchResult> {
  const target = join(outDir, input.path);
  if (existsSync(target) && sha256Of(readFileSync(target)) === input.sha256)
    return { path: input.path, status: 'present', detail: target };
  const url = urlFor(input, baseUrl);
  if (url === null) return { path: input.path, status: 'not-downloadable', detail: input.reason ?? '' };
  const fail = (why: string): FetchResult => ({
    path: input.path,
    status: 'failed',
    detail: `${url}: ${why}`,
  });
  let bytes: Uint8Array;
  try {
    const response = await fetch(url);
    if (!response.ok) return fail(`HTTP ${response.status} ${response.statusText}`.trim());
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return fail(`download failed: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`);
  }
  const got = sha256Of(bytes);
  if (got !== input.sha256)
    return fail(
      `sha256 ${got} (${bytes.length} bytes) is not the pinned ${input.sha256} (${input.bytes} bytes)`,
    );
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.part`, bytes);
  renameSync(`${target}.part`, target);
  return { path: input.path, status: 'downloaded', detail: url };
}

/** Fetches every input in order (one at a time) and returns one result per input, in the same order. */
export async function fetchRaw(opts: FetchOptions): Promise<FetchResult[]> {
  const log = opts.log ?? (() => {});
  const results: FetchResult[] = [];
  for (const input of opts.inputs ?? RAW_INPUTS) {
    const result = await fetchOne(input, opts.outDir, opts.baseUrl);
    log(`${result.status.padEnd(16)} ${result.path}: ${result.detail}`);
    results.push(result);
  }
  return results;
}

/** The closing lines: what failed and why, what must be copied by hand, and whether the folder is now complete. */
export function summary(results: readonly FetchResult[], outDir: string): string[] {
  const failed = results.filter((r) => r.status === 'failed');
  const manual = results.filter((r) => r.status === 'not-downloadable');
  const lines = [
    `${results.length - failed.length - manual.length} of ${results.length} raw files are in ${outDir} with their pinned sha256.`,
  ];
  if (failed.length > 0)
    lines.push(`FAILED (${failed.length}):`, ...failed.map((r) => `  ${r.path}: ${r.detail}`));
  if (manual.length > 0)
    lines.push(
      `Not downloadable, copy by hand into ${outDir}/<path> (${manual.length}):`,
      ...manual.map((r) => `  ${r.path}: ${r.detail}`),
    );
  const missing = missingRawInputs(outDir);
  lines.push(
    missing.length === 0
      ? 'The folder is complete: `npm run data` and the full tests will use it.'
      : `The folder is incomplete (${missing.length} files missing), so npm run data will not use it yet.`,
  );
  return lines;
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const baseUrl = argValue(args, '--base-url') ?? process.env['DATA_RAW_BASE_URL'];
  const outDir = resolve(argValue(args, '--out') ?? FETCHED_RAW_DIR);
  const results = await fetchRaw({
    outDir,
    ...(baseUrl !== undefined && baseUrl !== '' ? { baseUrl } : {}),
    log: (l) => console.log(l),
  });
  for (const line of summary(results, outDir)) console.log(line);
  if (results.some((r) => r.status === 'failed')) process.exit(1);
}
