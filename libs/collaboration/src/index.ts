// Pure feedback vocabulary and rules (no NestJS, no database; unit tests import it directly).
export * from './domain/feedback';

// NestJS side: persistence, the service, the revision listener, DTOs and the module.
export * from './infrastructure/persistence/threat-feedback.entity';
export * from './application/feedback.view';
export * from './application/feedback.service';
export * from './application/feedback-revision.listener';
export * from './dto/feedback.dto';
export * from './collaboration.module';
