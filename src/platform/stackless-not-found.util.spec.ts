import {
  keepNotFoundStacks,
  restoreStackTraces,
  stacklessNotFound,
  withoutStackTraces,
} from './stackless-not-found.util';

describe('withoutStackTraces', () => {
  const limit = Error.stackTraceLimit;

  it('builds errors without frames inside the handler, and restores the limit after it returns', () => {
    const handler = withoutStackTraces(() => new Error('inside'));
    expect((handler() as Error).stack).toBe('Error: inside');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack).toMatch(/\n\s+at /);
  });

  it('restores the limit when the handler throws', () => {
    const handler = withoutStackTraces(() => {
      throw new Error('thrown');
    });
    expect(handler).toThrow('thrown');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('turns stack traces back on at restoreStackTraces, for the rest of the handler', () => {
    const handler = withoutStackTraces(() => {
      const before = new Error('before');
      restoreStackTraces();
      return [before.stack, new Error('after').stack];
    });
    const [before, after] = handler() as string[];
    expect(before).toBe('Error: before');
    expect(after).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('leaves the restore to the outer call when nested', () => {
    const inner = withoutStackTraces(() => Error.stackTraceLimit);
    const outer = withoutStackTraces(() => [inner(), Error.stackTraceLimit]);
    expect(outer()).toEqual([0, 0]);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('passes arguments, this and the return value through', () => {
    const handler = withoutStackTraces(function (this: unknown, ...args) {
      return { self: this, args };
    });
    const self = {};
    expect(handler.call(self, 1, 'two')).toEqual({ self, args: [1, 'two'] });
  });

  it('does nothing when called outside a handler', () => {
    restoreStackTraces();
    expect(Error.stackTraceLimit).toBe(limit);
  });
});

describe('stacklessNotFound', () => {
  function adapterWith() {
    const registered: unknown[][] = [];
    const adapter = {
      setNotFoundHandler(...args: unknown[]) {
        registered.push(args);
        return 'registered';
      },
    };
    return { adapter, registered };
  }

  it('wraps the handler Nest registers, passing the other arguments through', () => {
    const { adapter, registered } = adapterWith();
    stacklessNotFound(adapter as never);
    const handler = jest.fn(() => new Error('Cannot GET /x').stack);
    expect(adapter.setNotFoundHandler(handler, '/api', [])).toBe('registered');
    const [[wrapped, prefix, excluded]] = registered;
    expect([prefix, excluded]).toEqual(['/api', []]);
    expect((wrapped as (...a: unknown[]) => unknown)('req', 'res')).toBe(
      'Error: Cannot GET /x',
    );
    expect(handler).toHaveBeenCalledWith('req', 'res');
  });

  it('keeps stack traces on an adapter whose router 404 an app filter answers first', () => {
    const { adapter, registered } = adapterWith();
    stacklessNotFound(adapter as never);
    adapter.setNotFoundHandler(() => new Error('Cannot GET /x').stack);
    keepNotFoundStacks(adapter);
    expect((registered[0][0] as () => string)()).toMatch(/\n\s+at /);
  });

  it('leaves an adapter without setNotFoundHandler, and non-function handlers, alone', () => {
    const bare = {};
    stacklessNotFound(bare as never);
    expect(bare).toEqual({});
    const { adapter, registered } = adapterWith();
    stacklessNotFound(adapter as never);
    adapter.setNotFoundHandler(undefined);
    expect(registered).toEqual([[undefined]]);
  });
});
