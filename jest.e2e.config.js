const base = require('./jest.base.config');
/** End-to-end tests drive the real app over HTTP against real Redis and a real database. */
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // Closed apps can leave a socket draining for a moment; never let that hang CI.
  forceExit: true,
};
