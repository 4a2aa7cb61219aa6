// Pure audit chain: canonical JSON, entry hashing and chain verification (no NestJS, no database).
export * from './domain/canonical-json';
export * from './domain/audit-chain';

// NestJS side: the log's entity, the service (the AuditSink AuditModule provides globally), the
// request actor context, and the listeners that follow tasks and revisions.
export * from './infrastructure/persistence/audit-log.entity';
export * from './application/audit-context';
export * from './application/audit.service';
export * from './application/task-audit.listener';
export * from './application/revision-audit.listener';
export * from './audit.module';
export * from './audit-listeners.module';
