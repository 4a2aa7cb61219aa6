import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentsModule } from '@app/assessments/assessments.module';
import { IdentityModule } from '@app/identity';
import { VisionModule } from '@app/vision';
import { TaskChangeBus } from './application/task-change-bus';
import { TaskNotesService } from './application/task-notes.service';
import { TaskPlanningService } from './application/task-planning.service';
import { TaskingSettings } from './application/tasking-settings';
import { TasksService } from './application/tasks.service';
import { AfterCommitHooks } from './infrastructure/after-commit';
import { TASKING_ENTITIES } from './infrastructure/persistence/task.entity';

/**
 * Tasking: plan generation (a RevisionListener of the assessments service), the task lifecycle and
 * collaboration notes. Reminders and audit follow task changes through
 * TasksService.registerListener (one TaskChangeBus for plan and lifecycle changes).
 */
@Module({
  imports: [TypeOrmModule.forFeature(TASKING_ENTITIES), AssessmentsModule, IdentityModule, VisionModule],
  providers: [TaskingSettings, TaskChangeBus, AfterCommitHooks, TaskPlanningService, TasksService, TaskNotesService],
  exports: [TaskingSettings, TaskChangeBus, TaskPlanningService, TasksService, TaskNotesService, TypeOrmModule],
})
export class TaskingModule {}
