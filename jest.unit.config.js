const base = require('./jest.base.config');
/** Unit tests sit next to the code they test. */
module.exports = { ...base, roots: ['<rootDir>/libs', '<rootDir>/apps'], testRegex: '\\.spec\\.ts$' };
