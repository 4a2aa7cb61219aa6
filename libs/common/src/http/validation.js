"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createValidationPipe = createValidationPipe;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../errors/domain.error");
function flatten(errors, parent = '') {
    const out = [];
    for (const e of errors) {
        const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
        for (const [rule, message] of Object.entries(e.constraints ?? {})) {
            out.push({
                field,
                message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
                ...(rule === 'whitelistValidation' ? {} : { value: e.value }),
            });
        }
        if (e.children?.length)
            out.push(...flatten(e.children, field));
    }
    return out;
}
function createValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        transformOptions: { enableImplicitConversion: false },
        validationError: { target: false, value: true },
        exceptionFactory: (errors) => {
            const fieldErrors = flatten(errors);
            const unknown = fieldErrors.filter((f) => f.message.endsWith('is not an accepted field')).map((f) => f.field);
            const detail = unknown.length
                ? `Unknown field(s): ${unknown.join(', ')}`
                : `Invalid request: ${fieldErrors.map((f) => f.field).join(', ')}`;
            return new domain_error_1.BadRequestError(detail, fieldErrors, 'invalid_request');
        },
    });
}
//# sourceMappingURL=validation.js.map