import { restoreStackTraces, withStackTracesOff } from './stack-traces.util';

describe('withStackTracesOff', () => {
  const limit = Error.stackTraceLimit;

  it('builds errors without frames inside, and restores the limit after it returns', () => {
    const error = withStackTracesOff(() => new Error('inside'));
    expect(error.stack).toBe('Error: inside');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack).toMatch(/\n\s+at /);
  });

  it('restores the limit when the build throws', () => {
    expect(() =>
      withStackTracesOff(() => {
        throw new Error('thrown');
      }),
    ).toThrow('thrown');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('turns stack traces back on at restoreStackTraces, for the rest of the build', () => {
    const [before, after] = withStackTracesOff(() => {
      const early = new Error('before');
      restoreStackTraces();
      return [early.stack, new Error('after').stack];
    });
    expect(before).toBe('Error: before');
    expect(after).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('leaves the restore to the outer call when nested', () => {
    const limits = withStackTracesOff(() => [
      withStackTracesOff(() => Error.stackTraceLimit),
      Error.stackTraceLimit,
    ]);
    expect(limits).toEqual([0, 0]);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('does nothing at restoreStackTraces outside a build', () => {
    restoreStackTraces();
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
