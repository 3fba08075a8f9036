import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { ApiException, RequestId } from 'nestjs-api-errors';

import { ApiKeyGuard } from '../api-key.guard';
import { AppErrors } from '../app.errors';
import { CreateProjectDto } from './dto/create-project.dto';

interface Project extends CreateProjectDto {
  id: number;
  archived: boolean;
}

@Controller('projects')
@UseGuards(ApiKeyGuard)
export class ProjectsController {
  private readonly projects = new Map<number, Project>([
    [1, { id: 1, name: 'Apollo', owner: { name: 'Ada', email: 'ada@example.com' }, archived: false }],
    [2, { id: 2, name: 'Gemini', owner: { name: 'Grace', email: 'grace@example.com' }, archived: true }],
  ]);

  @Get()
  list(@RequestId() requestId: string) {
    return { request_id: requestId, data: [...this.projects.values()] };
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Project {
    const project = this.projects.get(id);
    if (!project) throw new ApiException(AppErrors.ProjectNotFound, { cause: `No project has id ${id}.` });
    return project;
  }

  @Post()
  create(@Body() dto: CreateProjectDto): Project {
    const taken = [...this.projects.values()].some((p) => p.name.toLowerCase() === dto.name.toLowerCase());
    if (taken) throw new ApiException(AppErrors.ProjectNameTaken, { cause: `"${dto.name}" is used by another project.` });
    const project = { ...dto, id: this.projects.size + 1, archived: false };
    this.projects.set(project.id, project);
    return project;
  }

  @Post(':id/deploy')
  @HttpCode(202)
  deploy(@Param('id', ParseIntPipe) id: number) {
    const project = this.get(id);
    if (project.archived) throw new ApiException(AppErrors.ProjectArchived, { cause: 'Unarchive it before deploying.' });
    return { deploying: project.id };
  }

  @Get(':id/report')
  report(@Param('id', ParseIntPipe) id: number): never {
    this.get(id);
    // An unexpected failure: the client gets a generic 500, the log gets the stack.
    throw new Error(`report database connection refused (host=10.0.0.5, project=${id})`);
  }
}
