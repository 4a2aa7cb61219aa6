import { Module } from '@nestjs/common';
import { TaskingModule } from '@app/tasking';
import { TaskNotesController } from './task-notes.controller';
import { TasksController } from './tasks.controller';

/** The tasking HTTP surface: tasks, their lifecycle, and collaboration notes. */
@Module({
  imports: [TaskingModule],
  controllers: [TasksController, TaskNotesController],
})
export class TaskingHttpModule {}
