// Pure report logic (no NestJS, no database): cell rules, matrix and workload building, the pack's
// Markdown and CSV renderings. Unit tests import these files directly.
export * from './domain/task-rules';
export * from './domain/csv';
export * from './domain/markdown';
export * from './domain/coverage';
export * from './domain/tasking-pack';
export * from './domain/workload';

// NestJS side: the report services and the module.
export * from './application/report-reader';
export * from './application/coverage-report.service';
export * from './application/tasking-pack.service';
export * from './application/workload-report.service';
export * from './reporting.module';
