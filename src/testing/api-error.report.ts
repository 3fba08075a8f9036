import type { ApiErrorCheck } from './api-error.check';
import { expectedBodyOf, show } from './api-error.check';
import type { ApiExceptionCheck } from './api-exception.check';

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
      `HTTP ${check.expectedStatus}, content-type: ${check.reader.mediaType}, ${check.options.requestIdHeader}: equal to request_id` +
        (check.reader.format === 'envelope'
          ? ''
          : ` (format '${check.reader.format}'; its fields as the kit reads them, envelope names)`),
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

/** @internal The failure message of a thrown-error check. */
export function formatThrownFailure(check: ApiExceptionCheck): string {
  return [
    `Expected the code to throw ${check.title}, but:`,
    ...check.problems.map((problem) => `  - ${problem}`),
    '',
    'Expected (as the app would answer it):',
    indent(pretty(check.expected)),
    'Received:',
    indent(check.receivedLine),
    ...(check.actual
      ? ['  answered as:', indent(indent(pretty(check.actual)))]
      : []),
  ].join('\n');
}

/** @internal The message of a negated thrown-error matcher that passed. */
export function formatNegatedThrownFailure(check: ApiExceptionCheck): string {
  return [
    `Expected the code not to throw ${check.title}, but it did:`,
    indent(check.receivedLine),
  ].join('\n');
}
