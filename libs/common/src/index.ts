export * from './domain/vocabulary';
export * from './domain/threat.types';
export * from './domain/task.types';
export * from './errors/domain.error';
