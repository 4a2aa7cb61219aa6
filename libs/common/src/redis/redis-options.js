"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reconnectBackoff = void 0;
exports.redisOptionsFromUrl = redisOptionsFromUrl;
exports.producerRedisOptions = producerRedisOptions;
exports.workerRedisOptions = workerRedisOptions;
function redisOptionsFromUrl(url) {
    const u = new URL(url);
    const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
    return {
        host: u.hostname || '127.0.0.1',
        port: u.port ? Number(u.port) : 6379,
        username: u.username ? decodeURIComponent(u.username) : undefined,
        password: u.password ? decodeURIComponent(u.password) : undefined,
        db: Number.isFinite(db) ? db : 0,
        ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    };
}
const reconnectBackoff = (capMs) => (times) => Math.min(100 * 2 ** Math.min(times, 10), capMs);
exports.reconnectBackoff = reconnectBackoff;
function producerRedisOptions(url) {
    return {
        ...redisOptionsFromUrl(url),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        retryStrategy: (0, exports.reconnectBackoff)(2000),
    };
}
function workerRedisOptions(url) {
    return {
        ...redisOptionsFromUrl(url),
        maxRetriesPerRequest: null,
        connectTimeout: 5000,
        retryStrategy: (0, exports.reconnectBackoff)(10_000),
    };
}
//# sourceMappingURL=redis-options.js.map