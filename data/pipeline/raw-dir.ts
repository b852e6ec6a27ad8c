// Where the raw source data lives: RAW_DATA_DIR when set, else ../shared/data-raw next to the project root.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json), two levels above this file. */
export const PROJECT_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Absolute path of the raw data folder. `RAW_DATA_DIR` wins when set to a non-empty value (a relative value is
 * resolved against the current working directory); otherwise `<project root>/../shared/data-raw`.
 * Pipeline code and tests both use this, so they always read the same files.
 */
export function rawDataDir(): string {
  const fromEnv = process.env['RAW_DATA_DIR'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(fromEnv);
  return resolve(PROJECT_ROOT, '..', 'shared', 'data-raw');
}
