// Where the raw source data lives, first match wins: RAW_DATA_DIR, ../shared/data-raw, then data/raw/ if complete.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RAW_INPUTS } from './raw-inputs';

/** The project root (the folder holding package.json), two levels above this file. */
export const PROJECT_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder `npm run data:fetch` downloads into (ignored by git). */
export const FETCHED_RAW_DIR: string = join(PROJECT_ROOT, 'data', 'raw');

/** Small excerpts of every raw input, committed for the tests (see tests/fixtures/raw/README.md). */
export const FIXTURE_RAW_DIR: string = join(PROJECT_ROOT, 'tests', 'fixtures', 'raw');

/** Raw inputs missing from `dir` (paths relative to it); empty when every file the pipeline reads is there. */
export function missingRawInputs(dir: string): string[] {
  return RAW_INPUTS.map((f) => f.path).filter((p) => !existsSync(join(dir, p)));
}

const isDir = (dir: string): boolean => existsSync(dir) && statSync(dir).isDirectory();

/** Where findRawDataDir looks: the environment (for RAW_DATA_DIR) and the project root. Tests pass their own. */
export interface RawDirContext {
  env?: Readonly<Record<string, string | undefined>>;
  root?: string;
}

/**
 * The full raw data folder, or null when there is none. Order: `RAW_DATA_DIR` when set to a non-empty value (a
 * relative value is resolved against the current working directory; used even if incomplete, so errors name
 * the missing file); else `<project root>/../shared/data-raw` when it exists; else `<project root>/data/raw`
 * (written by `npm run data:fetch`) when it holds every raw input.
 */
export function findRawDataDir({ env = process.env, root = PROJECT_ROOT }: RawDirContext = {}):
  string | null {
  const fromEnv = env['RAW_DATA_DIR'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(fromEnv);
  const shared = resolve(root, '..', 'shared', 'data-raw');
  if (isDir(shared)) return shared;
  const fetched = join(root, 'data', 'raw');
  if (isDir(fetched) && missingRawInputs(fetched).length === 0) return fetched;
  return null;
}

/** How to get the raw data, for messages when it is absent. */
export const RAW_DATA_HINT =
  'set RAW_DATA_DIR to the raw data folder, put it in ../shared/data-raw, or run `npm run data:fetch`';

/**
 * Absolute path of the raw data folder for the pipeline (see findRawDataDir). Throws, saying how to get the
 * data, when there is none. Pipeline code and tests both use this, so they always read the same files.
 */
export function rawDataDir(): string {
  const dir = findRawDataDir();
  if (dir === null) throw new Error(`no raw data folder found: ${RAW_DATA_HINT}`);
  return dir;
}

/** The raw data folder when it holds every raw input (tests that need the full data use this), else null. */
export function fullRawDataDir(): string | null {
  const dir = findRawDataDir();
  return dir !== null && missingRawInputs(dir).length === 0 ? dir : null;
}

/** The full raw data when present, else the committed excerpts: for tests whose checks hold on both. */
export function testRawDataDir(): string {
  return fullRawDataDir() ?? FIXTURE_RAW_DIR;
}
