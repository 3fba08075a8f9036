import { traceIdFromTraceparent } from './traceparent.util';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('traceIdFromTraceparent', () => {
  it.each([
    [`00-${TRACE_ID}-00f067aa0ba902b7-01`, TRACE_ID],
    [`00-${TRACE_ID}-00f067aa0ba902b7-00`, TRACE_ID],
    [` 00-${TRACE_ID}-00f067aa0ba902b7-01 `, TRACE_ID],
    // a future version may append fields
    [`01-${TRACE_ID}-00f067aa0ba902b7-01-what-ever`, TRACE_ID],
  ])('takes the trace id of %j', (header, expected) => {
    expect(traceIdFromTraceparent(header)).toBe(expected);
  });

  it.each([
    ['missing', undefined],
    ['not a string', ['a', 'b']],
    ['empty', ''],
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
    ['extra fields on version 00', `00-${TRACE_ID}-00f067aa0ba902b7-01-x`],
    ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-00f067aa0ba902b7-01`],
    ['short trace id', `00-${TRACE_ID.slice(1)}-00f067aa0ba902b7-01`],
    ['not hex', `00-${'z'.repeat(32)}-00f067aa0ba902b7-01`],
    [
      'repeated header (joined by Node)',
      `00-${TRACE_ID}-00f067aa0ba902b7-01, 00-${TRACE_ID}-00f067aa0ba902b7-01`,
    ],
    ['huge', `00-${TRACE_ID}-00f067aa0ba902b7-01-${'a'.repeat(600)}`],
  ])('ignores a %s header', (_, header) => {
    expect(traceIdFromTraceparent(header)).toBeUndefined();
  });
});
