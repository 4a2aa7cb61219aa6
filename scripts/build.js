#!/usr/bin/env node
// Builds both apps (one shared dist/ tree) and writes the stable entry points
// dist/apps/api/main.js and dist/apps/worker/main.js that production runs.
const { spawnSync } = require('node:child_process');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const nest = join(root, 'node_modules', '.bin', 'nest');
for (const app of ['api', 'worker']) {
  const r = spawnSync(nest, ['build', app], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const dir = join(root, 'dist', 'apps', app);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.js'), "'use strict';\n// Stable entry point; the compiled sources keep their repository layout under src/.\nrequire('./src/main.js');\n");
}
writeFileSync(join(root, 'dist', '.built-at'), new Date().toISOString() + '\n');
