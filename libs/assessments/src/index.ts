// Pure assessment logic (no NestJS, no database): scoring, file parsing and validation, revision diffs, and
// sample/benchmark data. Services and controllers wire it in.
export * from './scoring/scoring-config';
export * from './scoring/score-threat';
export * from './parsing/detect-format';
export * from './parsing/read-rows';
export * from './parsing/normalise-row';
export * from './parsing/validate-threats';
export * from './parsing/parse-assessment';
export * from './parsing/write-threats';
export * from './diff/diff-threats';
export { generateThreats, SAMPLE_CAPABILITIES, SAMPLE_REGIONS } from './samples/generate-threats';
export * from './samples/write-samples';

// NestJS side: persistence, the service and the port tasking plugs into.
export * from './infrastructure/persistence/assessment.entity';
export * from './infrastructure/persistence/threat.entity';
export * from './application/revision-listener';
export * from './application/threat.view';
export * from './application/scoring-config.provider';
export * from './application/assessments.service';
export * from './assessments.module';
