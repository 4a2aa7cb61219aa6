"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const environment_1 = require("./environment");
describe('validateEnvironment', () => {
    it('applies defaults', () => {
        const env = (0, environment_1.validateEnvironment)({});
        expect(env.PORT).toBe(3000);
        expect(env.DATABASE_PATH).toBe('data/taskforce.sqlite');
        expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
        expect(env.API_DOCS).toBe(true);
    });
    it('names the bad variable in one line', () => {
        expect(() => (0, environment_1.validateEnvironment)({ PORT: 'abc' })).toThrow(/^Invalid configuration: PORT .*"abc"/);
        expect(() => (0, environment_1.validateEnvironment)({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    });
    it('never echoes secrets', () => {
        expect(() => (0, environment_1.validateEnvironment)({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET .*\(hidden\)/);
    });
    it('requires JWT_SECRET in production', () => {
        expect(() => (0, environment_1.validateEnvironment)({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    });
    it('parses booleans and integers', () => {
        const env = (0, environment_1.validateEnvironment)({ API_DOCS: 'false', PORT: '8080' });
        expect(env.API_DOCS).toBe(false);
        expect(env.PORT).toBe(8080);
    });
});
//# sourceMappingURL=environment.spec.js.map