import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { AssessmentsService } from './application/assessments.service';
import { ScoringConfigProvider } from './application/scoring-config.provider';
import { AssessmentEntity, AssessmentRevisionEntity } from './infrastructure/persistence/assessment.entity';
import { ThreatEntity } from './infrastructure/persistence/threat.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AssessmentEntity, AssessmentRevisionEntity, ThreatEntity]), IdentityModule],
  providers: [AssessmentsService, ScoringConfigProvider],
  exports: [AssessmentsService, ScoringConfigProvider, TypeOrmModule],
})
export class AssessmentsModule {}
