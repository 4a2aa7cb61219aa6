export * from './dto/vision.dto';
export * from './infrastructure/persistence/vision.entity';
export * from './vision.service';
export * from './vision.module';
