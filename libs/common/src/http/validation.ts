import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadRequestError, FieldError } from '../errors/domain.error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    // Never echo credentials back (they would also land in client-side logs).
    const secret = /password|secret|token/i.test(e.property);
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
        ...(rule === 'whitelistValidation' || secret ? {} : { value: e.value }),
      });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** The single global ValidationPipe: unknown fields are rejected, and every field error is listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
      return new BadRequestError(detail, fieldErrors, 'invalid_request');
    },
  });
}
