import { Module } from '@nestjs/common';
import { CollaborationModule } from '@app/collaboration';
import { TaskFeedbackController, ThreatFeedbackController } from './feedback.controller';

/** The feedback HTTP surface: posted per task by partners, read per threat by analysts. */
@Module({
  imports: [CollaborationModule],
  controllers: [TaskFeedbackController, ThreatFeedbackController],
})
export class CollaborationHttpModule {}
