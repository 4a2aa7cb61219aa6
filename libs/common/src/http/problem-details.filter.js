"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemDetailsFilter = void 0;
exports.toProblem = toProblem;
exports.sendProblem = sendProblem;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../errors/domain.error");
const problem_1 = require("./problem");
const CODES = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    422: 'validation_failed',
    429: 'too_many_requests',
    503: 'service_unavailable',
};
function toProblem(err, req) {
    const requestId = req ? String(req.id ?? '') || undefined : undefined;
    const instance = req?.originalUrl?.split('?')[0];
    if (err instanceof domain_error_1.DomainError) {
        return {
            type: (0, problem_1.problemType)(err.code),
            title: (0, problem_1.titleFor)(err.status),
            status: err.status,
            detail: err.message,
            code: err.code,
            instance,
            requestId,
            ...(err.errors ? { errors: err.errors } : {}),
            ...(err.extra ?? {}),
        };
    }
    if (err instanceof common_1.HttpException) {
        const status = err.getStatus();
        const body = err.getResponse();
        const errors = typeof body === 'object' && Array.isArray(body.errors) ? body.errors : undefined;
        let detail = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? err.message);
        if (status === 413 && /too large/i.test(detail))
            detail = 'The upload or request body is larger than the configured limit';
        const code = CODES[status] ?? 'error';
        return { type: (0, problem_1.problemType)(code), title: (0, problem_1.titleFor)(status), status, detail, code, instance, requestId, ...(errors ? { errors } : {}) };
    }
    const e = (err ?? {});
    const status = e.status ?? e.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
        const detail = e.type === 'entity.too.large'
            ? 'The request body is larger than the configured limit'
            : e.type === 'entity.parse.failed'
                ? 'The request body is not valid JSON'
                : (e.message ?? (0, problem_1.titleFor)(status));
        const code = CODES[status] ?? 'bad_request';
        return { type: (0, problem_1.problemType)(code), title: (0, problem_1.titleFor)(status), status, detail, code, instance, requestId };
    }
    return {
        type: (0, problem_1.problemType)('internal_error'),
        title: (0, problem_1.titleFor)(500),
        status: 500,
        detail: 'An unexpected error occurred. It has been logged with the request id.',
        code: 'internal_error',
        instance,
        requestId,
    };
}
function sendProblem(res, problem) {
    if (res.headersSent)
        return;
    res.status(problem.status).type(problem_1.PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
let ProblemDetailsFilter = class ProblemDetailsFilter {
    logger = new common_1.Logger('Errors');
    catch(exception, host) {
        const ctx = host.switchToHttp();
        const req = ctx.getRequest();
        const problem = toProblem(exception, req);
        if (problem.status >= 500) {
            this.logger.error({ err: exception, requestId: problem.requestId }, `unhandled error on ${req.method} ${problem.instance}`);
        }
        sendProblem(ctx.getResponse(), problem);
    }
};
exports.ProblemDetailsFilter = ProblemDetailsFilter;
exports.ProblemDetailsFilter = ProblemDetailsFilter = __decorate([
    (0, common_1.Catch)()
], ProblemDetailsFilter);
//# sourceMappingURL=problem-details.filter.js.map