// Lets plain `node` run the TypeScript sources of apps/worker as a child process in e2e tests (the
// fault tests SIGKILL it, so it cannot live inside Jest's process), without a build step or ts-node:
// `.ts` files are transpiled one by one with TypeScript's transpileModule (no type check: `tsc`
// does that) and cached on disk by content hash, and `@app/<lib>` imports resolve to libs/<lib>/src
// as the tsconfig paths (and Jest's moduleNameMapper) say.
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const compilerOptions = {
  ...ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options,
  module: ts.ModuleKind.CommonJS,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: false,
  declaration: false,
  incremental: false,
};
const cacheDir = path.join(os.tmpdir(), 'taskforce-ts-cache');
fs.mkdirSync(cacheDir, { recursive: true });
const salt = ts.version + JSON.stringify(compilerOptions);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = /^@app\/([^/]+)(\/.*)?$/.exec(request);
  const target = alias ? path.join(root, 'libs', alias[1], 'src', alias[2] || '') : request;
  return resolveFilename.call(this, target, parent, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(salt).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
    // Write then rename, so two workers starting at once never read a half-written file.
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, output);
    fs.renameSync(tmp, cached);
  }
  module._compile(output, filename);
};
