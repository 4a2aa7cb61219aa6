import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, FieldError } from '../errors/domain.error';
import { PROBLEM_CONTENT_TYPE, ProblemDocument, problemType, titleFor } from './problem';

const CODES: Record<number, string> = {
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

/** Errors raised below Nest (body-parser, multer) carry an HTTP status of their own. */
interface StatusCarrying {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  message?: string;
}

/** Maps every error (domain, HTTP, parser) to application/problem+json in one place. */
export function toProblem(err: unknown, req?: Request): ProblemDocument {
  const requestId = req ? String((req as unknown as { id?: unknown }).id ?? '') || undefined : undefined;
  const instance = req?.originalUrl?.split('?')[0];
  if (err instanceof DomainError) {
    return {
      type: problemType(err.code),
      title: titleFor(err.status),
      status: err.status,
      detail: err.message,
      code: err.code,
      instance,
      requestId,
      ...(err.errors ? { errors: err.errors } : {}),
      ...(err.extra ?? {}),
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse() as string | { message?: unknown; errors?: FieldError[] };
    const errors = typeof body === 'object' && Array.isArray(body.errors) ? body.errors : undefined;
    let detail = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? err.message);
    if (status === 413 && /too large/i.test(detail)) detail = 'The upload or request body is larger than the configured limit';
    const code = CODES[status] ?? 'error';
    return { type: problemType(code), title: titleFor(status), status, detail, code, instance, requestId, ...(errors ? { errors } : {}) };
  }
  const e = (err ?? {}) as StatusCarrying;
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const detail =
      e.type === 'entity.too.large'
        ? 'The request body is larger than the configured limit'
        : e.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : (e.message ?? titleFor(status));
    const code = CODES[status] ?? 'bad_request';
    return { type: problemType(code), title: titleFor(status), status, detail, code, instance, requestId };
  }
  return {
    type: problemType('internal_error'),
    title: titleFor(500),
    status: 500,
    detail: 'An unexpected error occurred. It has been logged with the request id.',
    code: 'internal_error',
    instance,
    requestId,
  };
}

export function sendProblem(res: Response, problem: ProblemDocument): void {
  if (res.headersSent) return;
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const problem = toProblem(exception, req);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: problem.requestId }, `unhandled error on ${req.method} ${problem.instance}`);
    }
    sendProblem(ctx.getResponse<Response>(), problem);
  }
}
