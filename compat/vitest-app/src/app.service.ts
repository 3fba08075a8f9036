import { Injectable } from '@nestjs/common';
import { ApiException } from 'nestjs-api-errors';

import { AppErrors } from './app.errors.js';

/** One class for many failures, told apart by `code`, as an ORM throws them (Prisma's P2002: a unique constraint). */
export class DatabaseError extends Error {
  constructor(readonly code: string) {
    super(`Database request failed with ${code} on "projects_name_key"`);
  }
}

@Injectable()
export class AppService {
  getHello(): string {
    return 'Hello World!';
  }

  async findProject(id: string): Promise<{ id: string }> {
    if (id !== 'apollo')
      throw new ApiException(AppErrors.ProjectNotFound, {
        cause: `No project has the id "${id}".`,
      });
    return { id };
  }

  createProject<T extends { name: string }>(project: T): T {
    if (project.name === 'apollo') throw new DatabaseError('P2002');
    if (project.name === 'offline') throw new DatabaseError('P1001');
    return project;
  }
}
