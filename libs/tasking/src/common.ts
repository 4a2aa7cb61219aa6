// The pure parts of @app/common. Its barrel also exports NestJS modules (queue root, HTTP filter)
// whose import builds the validated ConfigModule, so importing the barrel at runtime would make this
// library depend on NestJS and on the process environment. Type-only imports of the barrel are
// erased and harmless; values come through here. Not re-exported from index.ts.
export * from '@app/common/domain/vocabulary';
export * from '@app/common/domain/threat.types';
export * from '@app/common/domain/task.types';
export * from '@app/common/errors/domain.error';
