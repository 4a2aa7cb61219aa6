"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_CONFIG = exports.notificationsConfig = exports.authConfig = exports.redisConfig = exports.databaseConfig = exports.appConfig = void 0;
const config_1 = require("@nestjs/config");
const environment_1 = require("./environment");
const env = () => (0, environment_1.validateEnvironment)(process.env);
exports.appConfig = (0, config_1.registerAs)('app', () => {
    const e = env();
    return {
        nodeEnv: e.NODE_ENV,
        port: e.PORT,
        apiDocs: e.API_DOCS,
        logLevel: e.LOG_LEVEL,
        bodyLimitBytes: e.BODY_LIMIT_BYTES,
        uploadMaxBytes: e.UPLOAD_MAX_BYTES,
        uploadMaxRows: e.UPLOAD_MAX_ROWS,
        pageSizeMax: e.PAGE_SIZE_MAX,
    };
});
exports.databaseConfig = (0, config_1.registerAs)('database', () => {
    const e = env();
    return {
        url: e.DATABASE_URL,
        path: e.DATABASE_PATH,
        schema: e.DATABASE_SCHEMA,
        logging: e.DATABASE_LOGGING,
    };
});
exports.redisConfig = (0, config_1.registerAs)('redis', () => {
    const e = env();
    return { url: e.REDIS_URL, queuePrefix: e.QUEUE_PREFIX };
});
exports.authConfig = (0, config_1.registerAs)('auth', () => {
    const e = env();
    return {
        jwtSecret: e.JWT_SECRET ?? environment_1.DEV_JWT_SECRET,
        jwtTtl: e.JWT_TTL,
        bootstrapAdminEmail: e.BOOTSTRAP_ADMIN_EMAIL,
        bootstrapAdminPassword: e.BOOTSTRAP_ADMIN_PASSWORD,
        loginRateLimit: e.LOGIN_RATE_LIMIT,
        loginRateWindowSeconds: e.LOGIN_RATE_WINDOW_SECONDS,
        passwordHashRounds: e.PASSWORD_HASH_ROUNDS,
    };
});
exports.notificationsConfig = (0, config_1.registerAs)('notifications', () => {
    const e = env();
    return {
        smtpUrl: e.SMTP_URL,
        smtpFrom: e.SMTP_FROM,
        reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
        workerConcurrency: e.WORKER_CONCURRENCY,
    };
});
exports.ALL_CONFIG = [exports.appConfig, exports.databaseConfig, exports.redisConfig, exports.authConfig, exports.notificationsConfig];
//# sourceMappingURL=configuration.js.map