/**
 * Thrown for a misuse of the kit (an argument that is not an error
 * definition, options the kit cannot settle), never for a failed expectation.
 * @publicApi
 */
export class ApiErrorTestingUsageError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'ApiErrorTestingUsageError';
  }
}
