// NestJS-side helpers: HTTP errors and validation, paging DTOs, Redis/BullMQ wiring, logging.
export * from './http/problem';
export * from './http/problem-details.filter';
export * from './http/validation';
export * from './http/pagination.dto';
export * from './redis/redis-options';
export * from './queue/queue-root.module';
export * from './logging/logger-options';
export * from './http/json-stream';
