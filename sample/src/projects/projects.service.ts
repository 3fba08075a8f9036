import { ForbiddenException, Injectable } from '@nestjs/common';

import type { CreateProjectDto } from './dto/create-project.dto';
import {
  DuplicateProjectNameError,
  ProjectArchivedError,
  ProjectMissingError,
} from './projects.errors';

export interface Project extends CreateProjectDto {
  id: number;
  tenant: string;
  archived: boolean;
}

@Injectable()
export class ProjectsService {
  private readonly projects = new Map<number, Project>([
    [
      1,
      {
        id: 1,
        tenant: 'demo',
        name: 'Apollo',
        owner: { name: 'Ada', email: 'ada@example.com' },
        archived: false,
      },
    ],
    [
      2,
      {
        id: 2,
        tenant: 'demo',
        name: 'Gemini',
        owner: { name: 'Grace', email: 'grace@example.com' },
        archived: true,
      },
    ],
    [
      3,
      {
        id: 3,
        tenant: 'other',
        name: 'Mercury',
        owner: { name: 'Mae', email: 'mae@example.com' },
        archived: false,
      },
    ],
  ]);

  list(tenant: string): Project[] {
    return [...this.projects.values()].filter((p) => p.tenant === tenant);
  }

  /** Throws ProjectMissingError, or a 403 for another tenant's project. */
  get(id: number, tenant: string): Project {
    const project = this.projects.get(id);
    if (!project) throw new ProjectMissingError(id);
    if (project.tenant !== tenant)
      throw new ForbiddenException('This project belongs to another tenant.');
    return project;
  }

  create(dto: CreateProjectDto, tenant: string): Project {
    const taken = [...this.projects.values()].some(
      (p) => p.name.toLowerCase() === dto.name.toLowerCase(),
    );
    if (taken) throw new DuplicateProjectNameError(dto.name);
    const project = {
      ...dto,
      id: this.projects.size + 1,
      tenant,
      archived: false,
    };
    this.projects.set(project.id, project);
    return project;
  }

  deploy(id: number, tenant: string): { deploying: number } {
    if (this.get(id, tenant).archived) throw new ProjectArchivedError();
    return { deploying: id };
  }
}
