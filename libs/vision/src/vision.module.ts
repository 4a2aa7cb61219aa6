import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VisionEntity } from './infrastructure/persistence/vision.entity';
import { VisionService } from './vision.service';

@Module({
  imports: [TypeOrmModule.forFeature([VisionEntity])],
  providers: [VisionService],
  exports: [VisionService],
})
export class VisionModule {}
