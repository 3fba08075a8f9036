import type { ApiErrorCheck } from './api-error.check';
import { show } from './api-error.check';

/**
 * @internal The failure message: what was wrong, then the expected and the
 * received response, whole envelope included.
 */
export function formatFailure(check: ApiErrorCheck): string {
  return [
    `Expected the response to be ${check.title}, but:`,
    ...check.problems.map((problem) => `  - ${problem}`),
    '',
    'Expected:',
    indent(
      `HTTP ${check.expectedStatus}, content-type: ${check.wire.mediaType}, ${check.options.requestIdHeader}: equal to request_id` +
        (check.wire.format === 'envelope'
          ? ''
          : ` (format '${check.wire.format}'; its fields as the kit reads them, envelope names)`),
    ),
    indent(pretty(check.expectedBody)),
    'Received:',
    indent(describeReceivedHead(check)),
    indent(pretty(check.response.body)),
  ].join('\n');
}

/** @internal The message of a negated matcher that passed. */
export function formatNegatedFailure(check: ApiErrorCheck): string {
  return [
    `Expected the response not to be ${check.title}, but it is:`,
    indent(describeReceivedHead(check)),
    indent(pretty(check.response.body)),
  ].join('\n');
}

function describeReceivedHead(check: ApiErrorCheck): string {
  const { status, headers } = check.response;
  const name = check.options.requestIdHeader;
  return `HTTP ${status}, content-type: ${headers['content-type'] ?? '(none)'}, ${name}: ${headers[name] ?? '(none)'}`;
}

function pretty(value: unknown): string {
  if (typeof value === 'string')
    return `(not JSON) ${show(value.length > 2000 ? `${value.slice(0, 2000)}…` : value)}`;
  return JSON.stringify(value, null, 2) ?? String(value);
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
