import {
  InvalidErrorsOptionsError,
  MESSAGES,
} from '../catalog/messages.constants';
import { ENVELOPE_FORMAT } from './envelope.format';
import type { ErrorFormat, ErrorFormatName } from './error-format.interface';
import { NEST_FORMAT } from './nest.format';
import { PROBLEM_FORMAT } from './problem.format';

/** @internal The built-in formats by name. */
export const BUILT_IN_FORMATS: Readonly<Record<ErrorFormatName, ErrorFormat>> =
  Object.freeze({
    envelope: ENVELOPE_FORMAT,
    problem: PROBLEM_FORMAT,
    nest: NEST_FORMAT,
  });

/**
 * @internal The `format` option as a format object, checked at startup: a
 * built-in name or an object with a non-empty `contentType` and `render`.
 */
export function resolveFormat(
  format: ErrorFormatName | ErrorFormat,
): ErrorFormat {
  if (typeof format === 'string') {
    if (Object.hasOwn(BUILT_IN_FORMATS, format))
      return BUILT_IN_FORMATS[format];
    throw InvalidErrorsOptionsError.create(MESSAGES.unknownFormat(format));
  }
  if (typeof format !== 'object' || format === null)
    throw InvalidErrorsOptionsError.create(MESSAGES.unknownFormat(format));
  if (
    typeof format.contentType !== 'string' ||
    format.contentType.trim() === ''
  )
    throw InvalidErrorsOptionsError.create(
      MESSAGES.invalidCustomFormat('has no contentType'),
    );
  if (/[\r\n]/.test(format.contentType))
    throw InvalidErrorsOptionsError.create(
      MESSAGES.invalidCustomFormat('has a contentType with a line break'),
    );
  if (typeof format.render !== 'function')
    throw InvalidErrorsOptionsError.create(
      MESSAGES.invalidCustomFormat('has no render function'),
    );
  return format;
}

/** @internal The name of a resolved format, `'custom'` for an app's own. */
export function formatName(format: ErrorFormat): ErrorFormatName | 'custom' {
  for (const [name, builtIn] of Object.entries(BUILT_IN_FORMATS))
    if (builtIn === format) return name as ErrorFormatName;
  return 'custom';
}
