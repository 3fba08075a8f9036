import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import {
  ApiErrors,
  ApiException,
  BUILT_IN_ERRORS,
  ForbiddenAsNotFound,
  MapException,
  RequestId,
} from 'nestjs-api-errors';

import { ApiKeyGuard } from '../api-key.guard';
import { AppErrors } from '../app.errors';
import { CreateProjectDto } from './dto/create-project.dto';
import {
  DuplicateProjectNameError,
  ProjectArchivedError,
  ProjectMissingError,
} from './projects.errors';
import { ProjectsService } from './projects.service';

const TENANT = 'demo';

@Controller('projects')
@UseGuards(ApiKeyGuard)
// Another tenant's project answers exactly like a missing one (no existence leak).
@ForbiddenAsNotFound({ error: AppErrors.ProjectNotFound })
// No cause here: a concealed project must read exactly like a missing one.
@MapException(ProjectMissingError, AppErrors.ProjectNotFound)
@ApiErrors(
  AppErrors.MissingApiKey,
  AppErrors.InvalidApiKey,
  BUILT_IN_ERRORS.TooManyRequests,
)
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  list(@RequestId() requestId: string) {
    return { request_id: requestId, data: this.projects.list(TENANT) };
  }

  @Get(':id')
  @ApiErrors(AppErrors.ProjectNotFound, BUILT_IN_ERRORS.BadRequest)
  get(@Param('id', ParseIntPipe) id: number) {
    return this.projects.get(id, TENANT);
  }

  @Post()
  @Throttle({ default: { limit: 3, ttl: 60_000 } })
  @MapException(DuplicateProjectNameError, AppErrors.ProjectNameTaken, {
    cause: true,
  })
  @ApiErrors(AppErrors.ProjectNameTaken, BUILT_IN_ERRORS.UnprocessableEntity)
  create(@Body() dto: CreateProjectDto) {
    return this.projects.create(dto, TENANT);
  }

  @Post(':id/deploy')
  @HttpCode(202)
  @MapException(ProjectArchivedError, AppErrors.ProjectArchived, {
    cause: true,
  })
  @ApiErrors(AppErrors.ProjectNotFound, AppErrors.ProjectArchived)
  deploy(@Param('id', ParseIntPipe) id: number) {
    return this.projects.deploy(id, TENANT);
  }

  @Post(':id/export')
  @ApiErrors(AppErrors.ExportsPaused)
  export(@Param('id', ParseIntPipe) id: number): never {
    this.projects.get(id, TENANT);
    throw new ApiException(AppErrors.ExportsPaused, { retryAfter: 120 });
  }

  @Get(':id/report')
  report(@Param('id', ParseIntPipe) id: number): never {
    this.projects.get(id, TENANT);
    // An unexpected failure: the client gets a generic 500, the log gets the stack.
    throw new Error(
      `report database connection refused (host=10.0.0.5, project=${id})`,
    );
  }
}
