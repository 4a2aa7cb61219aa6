// Pure domain vocabulary, types and errors: safe to import from pure libraries and unit tests.
// NestJS/HTTP/queue helpers live behind `@app/common/nest`.
export * from './domain/vocabulary';
export * from './domain/threat.types';
export * from './domain/task.types';
export * from './errors/domain.error';
export * from './json-depth';
