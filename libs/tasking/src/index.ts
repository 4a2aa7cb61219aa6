// Pure tasking domain: configuration, plan generation, routing and the task lifecycle (no NestJS, no
// database; unit tests import these files directly).
export * from './config/tasking-config';
export * from './planning/template';
export * from './planning/generate-plan';
export * from './planning/retasking';
export * from './routing/route-tasks';
export * from './lifecycle/task-state-machine';

// NestJS side: persistence, services, DTOs, the module, and the TaskChangeListener port reminders
// and audit subscribe through.
export * from './infrastructure/persistence/task.entity';
export * from './infrastructure/after-commit';
export * from './application/task-change-listener';
export * from './application/task-change-bus';
export * from './application/task-dates';
export * from './application/task.view';
export * from './application/tasking-settings';
export * from './application/task-planning.service';
export * from './application/tasks.service';
export * from './application/task-notes.service';
export * from './dto/task.dto';
export * from './tasking.module';
