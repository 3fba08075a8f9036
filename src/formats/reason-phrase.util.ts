import { STATUS_CODES } from 'node:http';

/**
 * @internal The standard reason phrase of a status ("Not Found"); statuses
 * Node does not name fall back to their class ("Client Error"/"Server Error").
 */
export function reasonPhrase(status: number): string {
  return (
    STATUS_CODES[status] ?? (status < 500 ? 'Client Error' : 'Server Error')
  );
}
