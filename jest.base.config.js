// Node 20: Jest 30 cannot require() ESM itself (needs Node >= 24.9), so the ESM-only packages that
// NestJS 12 pulls in (and the file-type chain) are compiled to CommonJS by babel-jest. See STACK-NOTES.
const ESM_PACKAGES = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit'];
const libs = ['config', 'common', 'database', 'identity', 'vision', 'assessments', 'tasking', 'reminders', 'audit', 'collaboration', 'reporting'];
const moduleNameMapper = {};
for (const lib of libs) {
  moduleNameMapper[`^@app/${lib}$`] = `<rootDir>/libs/${lib}/src`;
  moduleNameMapper[`^@app/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json', isolatedModules: false }],
    '^.+\\.m?js$': ['babel-jest', {
      babelrc: false,
      configFile: false,
      plugins: [
        ['babel-plugin-transform-import-meta', { module: 'ES6' }],
        '@babel/plugin-transform-dynamic-import',
        '@babel/plugin-transform-modules-commonjs',
      ],
    }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};
