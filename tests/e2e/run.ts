// Entry for the browser tests: checks Chromium and the build, then runs every *.test.ts here with node's test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissingMessage } from './browser';

const here = dirname(fileURLToPath(import.meta.url));
const missing = chromiumMissingMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}
if (!existsSync(join(here, '../../dist/index.html'))) {
  console.error('dist/ is missing: run `npm run build` first (npm test does this for you).');
  process.exit(1);
}
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => join(here, f));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
