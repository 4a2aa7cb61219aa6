import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { type Actor, CurrentActor, Roles } from '@app/identity';
import { PostCommentDto, PostUpdateDto, TaskNotesService } from '@app/tasking';

const NOT_FOUND = 'No such task, or a task your organisation neither leads nor supports (the same answer)';
const FORBIDDEN = 'Analysts read tasks but not partner correspondence';

/** Collaboration on a task: the lead organisation, the supporters and coordinators. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks/:id')
@Roles('coordinator', 'admin', 'partner')
export class TaskNotesController {
  constructor(
    private readonly notes: TaskNotesService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Post('updates')
  @ApiOperation({ summary: 'Post a progress update { note }' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  postUpdate(@Param('id') id: string, @Body() dto: PostUpdateDto, @CurrentActor() actor: Actor) {
    return this.notes.post(actor, id, 'update', dto.note);
  }

  @Get('updates')
  @ApiOperation({ summary: 'Progress updates, oldest first' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  listUpdates(@Param('id') id: string, @Query() q: PageQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.notes.list(actor, id, 'update', limit, offset);
  }

  @Post('comments')
  @ApiOperation({ summary: 'Post a comment { body }' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  postComment(@Param('id') id: string, @Body() dto: PostCommentDto, @CurrentActor() actor: Actor) {
    return this.notes.post(actor, id, 'comment', dto.body);
  }

  @Get('comments')
  @ApiOperation({ summary: 'Comments, oldest first' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  listComments(@Param('id') id: string, @Query() q: PageQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.notes.list(actor, id, 'comment', limit, offset);
  }
}
