import { Injectable } from '@nestjs/common';
import { loadScoringConfig, type ScoringConfig } from '../scoring/scoring-config';

/** The scoring configuration in force, read once at start (a bad file stops start-up). */
@Injectable()
export class ScoringConfigProvider {
  readonly config: ScoringConfig = loadScoringConfig();
}
