// The README's run command serves the app with Vite's dev server (native ES modules, no bundling): it must show the map.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, waitReady, watch, type Session } from './browser';
import { ROOT } from './harness';

let port = 0;
let dev: ReturnType<typeof spawn> | null = null;
let session: Session;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const p = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(p));
    });
  });
}

before(async () => {
  port = await freePort();
  dev = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Wait until the dev server answers (bounded: 60 s).
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  session = await launch();
});
after(async () => {
  await session?.close();
  dev?.kill();
});

test('npm start (Vite dev server) opens the map with real data', async () => {
  const page = await session.context.newPage();
  const w = watch(page, `http://127.0.0.1:${port}`);
  await page.goto(`http://127.0.0.1:${port}/`);
  await waitReady(page, 150_000);
  assert.ok(Number(await page.locator('[data-testid="count-sites"]').innerText()) > 100);
  assert.ok(Number(await page.locator('[data-testid="count-flows"]').innerText()) > 50);
  assert.deepEqual(w.consoleErrors, []);
  assert.deepEqual(w.offOrigin, []);
  await page.close();
});
