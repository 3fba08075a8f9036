import type { FieldError } from '../formats/field-error.interface';
import { fieldErrorKey } from '../formats/field-error.util';

/**
 * How large a 422 may grow, whatever the client submitted.
 * @publicApi
 */
export interface FieldErrorLimits {
  /** Most fields listed. */
  readonly maxFields: number;
  /** Bytes of the whole error body the field list may fill (UTF-8, as sent). */
  readonly maxResponseBytes: number;
  /**
   * Nest's `maxErrorMessagesLength`: characters of messages, each counted with
   * its field path. `Infinity` when not set.
   */
  readonly maxErrorMessagesLength: number;
}

/**
 * The bounds applied when none are configured: 100 fields, a body under
 * 64 KiB, and no separate message-length limit.
 * @publicApi
 */
export const DEFAULT_FIELD_ERROR_LIMITS: FieldErrorLimits = Object.freeze({
  maxFields: 100,
  maxResponseBytes: 64 * 1024,
  maxErrorMessagesLength: Infinity,
});

/**
 * Room kept for the rest of the body (request id, code, message, cause, docs
 * link, the format's own keys) when the field list is measured.
 */
const RESERVED_BYTES = 2048;
/**
 * Each message is counted as it would be written by the most verbose format
 * (problem details repeat the field's pointer with every message).
 */
const PER_MESSAGE_OVERHEAD = 32;

/** @internal A bounded field list, and whether anything was left out. */
export interface BoundedFieldErrors {
  readonly fieldErrors: readonly FieldError[];
  readonly truncated: boolean;
}

/**
 * @internal The one place a 422's field list is bounded. Pulls fields from
 * `source` (a generator, for the class-validator tree and Standard Schema
 * issues alike) and stops pulling as soon as a limit is reached, so the work
 * done never grows with the submitted payload. Fields sharing a key merge
 * their messages; empty message lists are dropped.
 */
export function boundFieldErrors(
  source: Iterable<FieldError>,
  limits: Partial<FieldErrorLimits> = {},
): BoundedFieldErrors {
  const { maxFields, maxResponseBytes, maxErrorMessagesLength } =
    resolveFieldErrorLimits(limits);
  const budget = Math.max(0, maxResponseBytes - RESERVED_BYTES);
  // Bytes are first counted by an upper bound, which needs no serializing; exactly
  // only once that bound would pass the budget. Both keep the same fields.
  let measure = jsonBytesAtMost;
  let bytesUsed = 0;
  let charsLeft = maxErrorMessagesLength;
  const byKey = new Map<string, FieldError & { messages: string[] }>();
  for (const field of source) {
    if (field.messages.length === 0) continue;
    const key = fieldErrorKey(field);
    const known = byKey.get(key);
    if (!known && byKey.size >= maxFields) return bounded(byKey, true);
    let bytes = fieldBytes(key, field.messages, !known, measure);
    if (bytesUsed + bytes > budget && measure !== jsonBytes) {
      measure = jsonBytes;
      bytesUsed = 0;
      for (const [kept, { messages }] of byKey)
        bytesUsed += fieldBytes(kept, messages, true, measure);
      bytes = fieldBytes(key, field.messages, !known, measure);
    }
    let chars = 0;
    for (const message of field.messages)
      chars += key.length + 1 + message.length;
    if (bytesUsed + bytes > budget || chars > charsLeft)
      return bounded(byKey, true);
    bytesUsed += bytes;
    charsLeft -= chars;
    if (known) known.messages.push(...field.messages);
    else
      byKey.set(key, {
        source: field.source,
        path: [...field.path],
        messages: [...field.messages],
      });
  }
  return bounded(byKey, false);
}

/** Bytes a field adds to the list: its key once when new, each message with the key repeated. */
function fieldBytes(
  key: string,
  messages: readonly string[],
  isNew: boolean,
  measure: (text: string) => number,
): number {
  const keyBytes = measure(key);
  let bytes = isNew ? keyBytes + 4 : 0;
  for (const message of messages)
    bytes += measure(message) + keyBytes + PER_MESSAGE_OVERHEAD;
  return bytes;
}

/** The UTF-8 bytes of `text` as a JSON string. */
function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text));
}

/**
 * An upper bound of `jsonBytes`: no UTF-16 unit takes more than 6 bytes in
 * JSON (`\u001f`, a lone surrogate), plus the quotes.
 */
function jsonBytesAtMost(text: string): number {
  return text.length * 6 + 2;
}

/** @internal The limits with defaults applied; invalid values use the default. */
export function resolveFieldErrorLimits(
  limits: Partial<FieldErrorLimits>,
): FieldErrorLimits {
  const pick = (name: keyof FieldErrorLimits): number => {
    const value = limits[name];
    return typeof value === 'number' && value >= 0 && !Number.isNaN(value)
      ? value
      : DEFAULT_FIELD_ERROR_LIMITS[name];
  };
  return {
    maxFields: pick('maxFields'),
    maxResponseBytes: pick('maxResponseBytes'),
    maxErrorMessagesLength: pick('maxErrorMessagesLength'),
  };
}

/**
 * @internal The `error.cause` of a truncated 422: says how many fields are
 * listed, so a client knows more may be wrong.
 */
export function truncationCause(listed: number): string {
  if (listed === 0)
    return 'The invalid fields are too many or too large to be listed.';
  return listed === 1
    ? 'Only the first invalid field is listed.'
    : `Only the first ${listed} invalid fields are listed.`;
}

function bounded(
  byKey: Map<string, FieldError>,
  truncated: boolean,
): BoundedFieldErrors {
  return { fieldErrors: [...byKey.values()], truncated };
}
