import { defineErrors } from 'nestjs-api-errors';

/** Every error this API can answer besides the built-ins, in one table. */
export const AppErrors = defineErrors({
  MissingApiKey: {
    status: 401,
    code: 2001,
    message: 'An API key is required: send it in the x-api-key header.',
  },
  InvalidApiKey: {
    status: 401,
    code: 2000,
    message: 'The API key provided is invalid.',
  },
  ProjectNotFound: {
    status: 404,
    code: 'project_not_found',
    message: 'The project does not exist.',
  },
  // 409: the request is valid but conflicts with the current state (a duplicate key, a concurrent edit).
  ProjectNameTaken: {
    status: 409,
    code: 'project_name_taken',
    message: 'A project with this name already exists.',
  },
  // 402 "Request Failed": the parameters were valid, but the operation could not be carried out.
  ProjectArchived: {
    status: 402,
    code: 'project_archived',
    message:
      'The parameters were valid but the request failed: the project is archived.',
  },
  ExportsPaused: {
    status: 503,
    code: 'exports_paused',
    message:
      'Exports are paused for maintenance. Retry after the delay in Retry-After.',
  },
});
