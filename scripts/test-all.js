#!/usr/bin/env node
// `npm test`: every test. Unit tests, the build, then the end-to-end suite against SQLite and again
// against PostgreSQL (TEST_DATABASE_URL, default the local `test` database), all with real Redis.
// Ends with one line "N passed, N failed" for the whole run.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const jest = join(root, 'node_modules', '.bin', 'jest');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const out = mkdtempSync(join(tmpdir(), 'taskforce-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function jestRun(label, args, env = {}) {
  const file = join(out, `${label.replace(/\W+/g, '-')}.json`);
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(jest, [...args, '--json', `--outputFile=${file}`], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  let res;
  try {
    res = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    res = { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 };
  }
  const failed = res.numFailedTests + (r.status !== 0 && res.numFailedTests === 0 ? 1 : 0);
  totals.passed += res.numPassedTests;
  totals.failed += failed;
  totals.skipped += res.numPendingTests;
  lines.push(`${label}: ${res.numPassedTests} passed, ${failed} failed`);
}

function reachable(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432), timeout: 2000 }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });
}

(async () => {
  jestRun('unit', ['--config', 'jest.unit.config.js']);

  console.log('\n=== build ===');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
  if (build.status === 0) totals.passed += 1;
  else totals.failed += 1;
  lines.push(`build: ${build.status === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);

  jestRun('e2e (SQLite)', ['--config', 'jest.e2e.config.js', '--runInBand'], { TEST_DATABASE_URL: '' });

  const pg = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  if (await reachable(pg)) {
    jestRun('e2e (PostgreSQL)', ['--config', 'jest.e2e.config.js', '--runInBand'], { TEST_DATABASE_URL: pg });
  } else if (ci) {
    totals.failed += 1;
    lines.push(`e2e (PostgreSQL): PostgreSQL is not reachable at ${new URL(pg).host}; CI requires it`);
  } else {
    lines.push(`e2e (PostgreSQL): skipped, nothing listens at ${new URL(pg).host} (set TEST_DATABASE_URL to run it)`);
  }
  rmSync(out, { recursive: true, force: true });

  console.log('\n=== summary ===');
  for (const l of lines) console.log(l);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed ? 1 : 0);
})();
