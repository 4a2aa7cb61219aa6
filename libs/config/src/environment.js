"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigurationError = exports.DEV_JWT_SECRET = exports.EnvironmentVariables = void 0;
exports.validateEnvironment = validateEnvironment;
require("reflect-metadata");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const toInt = ({ value }) => value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }) => {
    if (value === undefined || value === '')
        return undefined;
    const v = String(value).toLowerCase();
    return ['true', '1', 'yes', 'on'].includes(v) ? true : ['false', '0', 'no', 'off'].includes(v) ? false : value;
};
const emptyToUndefined = ({ value }) => (value === '' ? undefined : value);
class EnvironmentVariables {
    NODE_ENV = 'development';
    PORT = 3000;
    DATABASE_PATH = 'data/taskforce.sqlite';
    DATABASE_URL;
    DATABASE_SCHEMA;
    DATABASE_LOGGING = false;
    REDIS_URL = 'redis://127.0.0.1:6379';
    QUEUE_PREFIX = 'taskforce';
    JWT_SECRET;
    JWT_TTL = '8h';
    BOOTSTRAP_ADMIN_EMAIL;
    BOOTSTRAP_ADMIN_PASSWORD;
    API_DOCS = true;
    LOG_LEVEL = 'info';
    BODY_LIMIT_BYTES = 1024 * 1024;
    UPLOAD_MAX_BYTES = 25 * 1024 * 1024;
    UPLOAD_MAX_ROWS = 20000;
    PAGE_SIZE_MAX = 200;
    LOGIN_RATE_LIMIT = 10;
    LOGIN_RATE_WINDOW_SECONDS = 60;
    PASSWORD_HASH_ROUNDS = 12;
    SMTP_URL;
    SMTP_FROM = 'taskforce@localhost';
    RECONCILE_INTERVAL_SECONDS = 30;
    WORKER_CONCURRENCY = 8;
}
exports.EnvironmentVariables = EnvironmentVariables;
__decorate([
    (0, class_validator_1.IsIn)(['development', 'production', 'test']),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "NODE_ENV", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(65535),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "PORT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATABASE_PATH", void 0);
__decorate([
    (0, class_transformer_1.Transform)(emptyToUndefined),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_URL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(emptyToUndefined),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_SCHEMA", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATABASE_LOGGING", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "REDIS_URL", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "QUEUE_PREFIX", void 0);
__decorate([
    (0, class_transformer_1.Transform)(emptyToUndefined),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(32, { message: 'must be at least 32 characters' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "JWT_SECRET", void 0);
__decorate([
    (0, class_validator_1.Matches)(/^\d+[smhd]$/, { message: 'must look like 30m, 8h or 1d' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "JWT_TTL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(emptyToUndefined),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEmail)(),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "BOOTSTRAP_ADMIN_EMAIL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(emptyToUndefined),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(10, { message: 'must be at least 10 characters' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "BOOTSTRAP_ADMIN_PASSWORD", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toBool),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "API_DOCS", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOG_LEVEL", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1024),
    (0, class_validator_1.Max)(50 * 1024 * 1024),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "BODY_LIMIT_BYTES", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1024),
    (0, class_validator_1.Max)(512 * 1024 * 1024),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "UPLOAD_MAX_BYTES", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "UPLOAD_MAX_ROWS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(1000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "PAGE_SIZE_MAX", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(10000),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOGIN_RATE_LIMIT", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(86400),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "LOGIN_RATE_WINDOW_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(4),
    (0, class_validator_1.Max)(15),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "PASSWORD_HASH_ROUNDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(emptyToUndefined),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "SMTP_URL", void 0);
__decorate([
    (0, class_validator_1.IsEmail)(),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "SMTP_FROM", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(3600),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "RECONCILE_INTERVAL_SECONDS", void 0);
__decorate([
    (0, class_transformer_1.Transform)(toInt),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(64),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "WORKER_CONCURRENCY", void 0);
exports.DEV_JWT_SECRET = 'taskforce-development-secret-do-not-use-in-production';
class ConfigurationError extends Error {
}
exports.ConfigurationError = ConfigurationError;
function validateEnvironment(env) {
    const known = Object.keys(new EnvironmentVariables());
    const relevant = {};
    for (const key of [...known, 'DATABASE_URL', 'DATABASE_SCHEMA', 'JWT_SECRET', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'SMTP_URL']) {
        if (env[key] !== undefined)
            relevant[key] = env[key];
    }
    const parsed = (0, class_transformer_1.plainToInstance)(EnvironmentVariables, relevant, { exposeDefaultValues: true });
    const problems = (0, class_validator_1.validateSync)(parsed, { skipMissingProperties: false }).map((e) => {
        const msg = Object.values(e.constraints ?? {}).join('; ');
        const shown = /SECRET|PASSWORD/.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
        return `${e.property} ${msg.replace(new RegExp(`^${e.property}\\s*`), '')} (got ${shown})`;
    });
    if (parsed.NODE_ENV === 'production' && !parsed.JWT_SECRET) {
        problems.push('JWT_SECRET is required when NODE_ENV=production');
    }
    if (Boolean(parsed.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(parsed.BOOTSTRAP_ADMIN_PASSWORD)) {
        problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
    }
    if (problems.length)
        throw new ConfigurationError(`Invalid configuration: ${problems.join(' | ')}`);
    return parsed;
}
//# sourceMappingURL=environment.js.map