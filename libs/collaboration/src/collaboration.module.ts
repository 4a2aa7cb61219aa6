import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentsModule } from '@app/assessments/assessments.module';
import { IdentityModule } from '@app/identity';
import { TaskingModule } from '@app/tasking';
import { FeedbackRevisionListener } from './application/feedback-revision.listener';
import { FeedbackService } from './application/feedback.service';
import { COLLABORATION_ENTITIES } from './infrastructure/persistence/threat-feedback.entity';

/**
 * Partner feedback on threats: posted on tasks (tasking decides who may see a task), read per threat
 * by analysts, and marked addressed by a revision (a RevisionListener of the assessments service).
 */
@Module({
  imports: [TypeOrmModule.forFeature(COLLABORATION_ENTITIES), AssessmentsModule, TaskingModule, IdentityModule],
  providers: [FeedbackService, FeedbackRevisionListener],
  exports: [FeedbackService],
})
export class CollaborationModule {}
