import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto, resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { CreateUserDto, Roles, UsersService } from '@app/identity';

class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Get()
  @Roles('admin')
  list(@Query() q: UserListQueryDto) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.users.list(limit, offset, q.organisationId);
  }
}
