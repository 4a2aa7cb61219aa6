"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const redis_options_1 = require("./redis-options");
describe('redisOptionsFromUrl', () => {
    it('parses host, port, credentials and db', () => {
        expect((0, redis_options_1.redisOptionsFromUrl)('redis://user:p%40ss@cache:6380/2')).toMatchObject({
            host: 'cache',
            port: 6380,
            username: 'user',
            password: 'p@ss',
            db: 2,
        });
    });
    it('defaults', () => {
        expect((0, redis_options_1.redisOptionsFromUrl)('redis://127.0.0.1')).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0 });
    });
    it('enables TLS for rediss', () => {
        expect((0, redis_options_1.redisOptionsFromUrl)('rediss://h:1').tls).toEqual({});
    });
    it('backs off exponentially up to a cap and never gives up', () => {
        const b = (0, redis_options_1.reconnectBackoff)(10_000);
        expect(b(1)).toBe(200);
        expect(b(3)).toBe(800);
        expect(b(50)).toBe(10_000);
    });
});
//# sourceMappingURL=redis-options.spec.js.map