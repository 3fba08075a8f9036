import type { ApiErrorCheck } from './api-error.check';
import { expectedBodyOf, show } from './api-error.check';

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
      `HTTP ${check.expectedStatus}, content-type: application/json, ${check.options.requestIdHeader}: equal to request_id`,
    ),
    indent(pretty(expectedBodyOf(check))),
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
