import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';

/**
 * One asynchronous stdout destination per process. Asynchronous writes keep logging off the request
 * path, but Nest re-raises SIGTERM after shutdown, and a process killed by a signal never runs pino's
 * exit flush: without LogFlusher the last lines (the shutdown itself) would be lost.
 */
const destination = pino.destination({ dest: 1, sync: false, minLength: 0 });

@Injectable()
export class LogFlusher implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    try {
      destination.flushSync();
    } catch {
      // Nothing buffered, or stdout already closed: there is nothing left to save.
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Structured request logs with a request id (taken from X-Request-Id when it is sane, else new).
 * Credentials never reach the log: auth headers, cookies and any password or token field are redacted.
 */
export function loggerOptions(level: string, processName: string): Params {
  return {
    pinoHttp: [
      {
        level,
        name: processName,
        genReqId: (req: IncomingMessage, res: ServerResponse) => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
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
          req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      },
      destination,
    ],
  };
}
