"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnprocessableError = exports.UnsupportedMediaTypeError = exports.PayloadTooLargeError = exports.ConflictError = exports.NotFoundError = exports.ForbiddenError = exports.UnauthorizedError = exports.BadRequestError = exports.DomainError = void 0;
class DomainError extends Error {
    code;
    status;
    errors;
    extra;
    constructor(code, message, status, errors, extra) {
        super(message);
        this.code = code;
        this.status = status;
        this.errors = errors;
        this.extra = extra;
        this.name = new.target.name;
    }
}
exports.DomainError = DomainError;
class BadRequestError extends DomainError {
    constructor(message, errors, code = 'bad_request') {
        super(code, message, 400, errors);
    }
}
exports.BadRequestError = BadRequestError;
class UnauthorizedError extends DomainError {
    constructor(message = 'Authentication required') {
        super('unauthorized', message, 401);
    }
}
exports.UnauthorizedError = UnauthorizedError;
class ForbiddenError extends DomainError {
    constructor(message = 'Your role may not do this') {
        super('forbidden', message, 403);
    }
}
exports.ForbiddenError = ForbiddenError;
class NotFoundError extends DomainError {
    constructor(entity, id) {
        super('not_found', id ? `${entity} ${id} was not found` : `${entity} was not found`, 404);
    }
}
exports.NotFoundError = NotFoundError;
class ConflictError extends DomainError {
    constructor(message, extra, code = 'conflict') {
        super(code, message, 409, undefined, extra);
    }
}
exports.ConflictError = ConflictError;
class PayloadTooLargeError extends DomainError {
    constructor(message) {
        super('payload_too_large', message, 413);
    }
}
exports.PayloadTooLargeError = PayloadTooLargeError;
class UnsupportedMediaTypeError extends DomainError {
    constructor(message) {
        super('unsupported_media_type', message, 415);
    }
}
exports.UnsupportedMediaTypeError = UnsupportedMediaTypeError;
class UnprocessableError extends DomainError {
    constructor(message, errors, code = 'validation_failed') {
        super(code, message, 422, errors);
    }
}
exports.UnprocessableError = UnprocessableError;
//# sourceMappingURL=domain.error.js.map