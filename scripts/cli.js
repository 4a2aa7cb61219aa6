#!/usr/bin/env node
// `npm run migration:run` / `npm run seed:demo`: build if needed, then run the API's command-line entry.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureBuilt, root } = require('./ensure-built');

ensureBuilt();
const r = spawnSync(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'cli.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
