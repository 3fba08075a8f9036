import {
  keepNotFoundStacks,
  stacklessNotFound,
  withoutStackTraces,
} from './stackless-not-found.util';

describe('withoutStackTraces', () => {
  const limit = Error.stackTraceLimit;

  it('runs the handler with stack traces off, and restores the limit after it returns', () => {
    const handler = withoutStackTraces(() => new Error('inside'));
    expect((handler() as Error).stack).toBe('Error: inside');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('passes arguments, this and the return value through', () => {
    const handler = withoutStackTraces(function (this: unknown, ...args) {
      return { self: this, args };
    });
    const self = {};
    expect(handler.call(self, 1, 'two')).toEqual({ self, args: [1, 'two'] });
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
