/** Domain errors: the service knows nothing about HTTP; the controller maps them. */
export class ProjectMissingError extends Error {
  constructor(readonly projectId: number) {
    super(`No project has id ${projectId}.`);
  }
}

export class DuplicateProjectNameError extends Error {
  constructor(name: string) {
    super(`"${name}" is used by another project.`);
  }
}

export class ProjectArchivedError extends Error {
  constructor() {
    super('Unarchive the project before deploying it.');
  }
}
