// Builds dist/ when any TypeScript source is newer than the last build (shared by start, cli, bench).
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function isStale() {
  const marker = join(root, 'dist', '.built-at');
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return newest(join(root, 'apps')) > built || newest(join(root, 'libs')) > built;
}

function ensureBuilt() {
  if (!isStale()) return;
  console.log('Building the API and the worker…');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

module.exports = { ensureBuilt, isStale, root };
