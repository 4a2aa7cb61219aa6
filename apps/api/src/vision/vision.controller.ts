import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, Roles } from '@app/identity';
import { PutVisionDto, VisionService } from '@app/vision';

@ApiTags('vision')
@ApiBearerAuth()
@Controller('vision')
export class VisionController {
  constructor(private readonly vision: VisionService) {}

  @Get()
  @AnyRole()
  @ApiNotFoundResponse({ description: 'No vision has been set yet' })
  get() {
    return this.vision.get();
  }

  @Put()
  @Roles('coordinator', 'admin')
  put(@Body() dto: PutVisionDto, @CurrentActor() actor: Actor) {
    return this.vision.put(dto, actor.id);
  }
}
