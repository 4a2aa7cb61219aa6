"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loggerOptions = loggerOptions;
const node_crypto_1 = require("node:crypto");
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
function loggerOptions(level, processName) {
    return {
        pinoHttp: {
            level,
            name: processName,
            genReqId: (req, res) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
                res.setHeader('X-Request-Id', id);
                return id;
            },
            redact: {
                paths: [
                    'req.headers.authorization',
                    'req.headers.cookie',
                    'res.headers["set-cookie"]',
                    '*.password',
                    '*.accessToken',
                    '*.token',
                    '*.passwordHash',
                    '*.webhookSecret',
                ],
                censor: '[redacted]',
            },
            serializers: {
                req: (req) => ({ id: req.id, method: req.method, url: req.url }),
            },
            customLogLevel: (_req, res, err) => err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            autoLogging: { ignore: (req) => req.url === '/api/health' },
        },
    };
}
//# sourceMappingURL=logger-options.js.map