// Pure tasking domain: configuration, plan generation, routing and the task lifecycle.
// No NestJS and no database here; the services in apps/ wire these in.
export * from './config/tasking-config';
export * from './planning/template';
export * from './planning/generate-plan';
export * from './routing/route-tasks';
export * from './lifecycle/task-state-machine';
