import { moveToFront } from './hoist.util';

describe('moveToFront', () => {
  const ours = () => undefined;
  const cors = () => undefined;
  const serveStatic = () => undefined;
  class Adapter {
    onRequestHook?: () => void;
    slot = () => this.onRequestHook?.();
  }
  const slot = new Adapter().slot;
  const move = (list: Array<() => void>) => {
    moveToFront(
      list,
      (entry) => entry === ours,
      (entry) => entry,
    );
    return list;
  };

  it('moves the entry ahead of what was mounted before it', () => {
    expect(move([cors, serveStatic, ours])).toEqual([ours, cors, serveStatic]);
  });

  it("stays behind the adapter's request-hook slot", () => {
    expect(move([slot, cors, ours])).toEqual([slot, ours, cors]);
    expect(move([cors, slot, serveStatic, ours])).toEqual([
      cors,
      slot,
      ours,
      serveStatic,
    ]);
  });

  it('leaves a list without the entry, or with it first, alone', () => {
    expect(move([cors, serveStatic])).toEqual([cors, serveStatic]);
    expect(move([ours, cors])).toEqual([ours, cors]);
    expect(move([slot, ours])).toEqual([slot, ours]);
  });
});
