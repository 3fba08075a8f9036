import { PathMethodsCache, ServedMethods } from './path-methods.cache';

const GET = { method: 'GET' };
const POST = { method: 'POST' };

describe('PathMethodsCache', () => {
  it('looks a path up once while the routing version holds', () => {
    const cache = new PathMethodsCache();
    const lookup = jest.fn(() => [GET]);
    expect(cache.get('/items', 1, lookup).always).toEqual(['GET']);
    expect(cache.get('/items', 1, lookup).always).toEqual(['GET']);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('forgets everything when the routing version changes', () => {
    const cache = new PathMethodsCache();
    cache.get('/items', 1, () => [GET]);
    expect(cache.get('/items', 2, () => [GET, POST]).always).toEqual([
      'GET',
      'POST',
    ]);
    expect(cache.size).toBe(1);
  });

  it('keeps at most 500 paths, dropping the oldest first', () => {
    const cache = new PathMethodsCache();
    for (let i = 0; i < 600; i++) cache.get(`/probe/${i}`, 1, () => []);
    expect(cache.size).toBe(500);
    const lookup = jest.fn(() => []);
    cache.get('/probe/599', 1, lookup);
    expect(lookup).not.toHaveBeenCalled();
    cache.get('/probe/0', 1, lookup);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('never keeps a path longer than 256 characters', () => {
    const cache = new PathMethodsCache();
    const lookup = jest.fn(() => [GET]);
    const long = `/${'x'.repeat(300)}`;
    cache.get(long, 1, lookup);
    cache.get(long, 1, lookup);
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('hands out lists nobody can change', () => {
    const cache = new PathMethodsCache();
    const methods = cache.get('/items', 1, () => [GET]).for({});
    expect(Object.isFrozen(methods)).toBe(true);
  });
});

describe('ServedMethods', () => {
  const admin = (request: object) =>
    (request as { hostname?: string }).hostname === 'admin.example.com';

  it('counts a host-bound route only for the hosts its check accepts', () => {
    const served = new ServedMethods([GET, { method: 'DELETE', check: admin }]);
    expect(served.for({ hostname: 'admin.example.com' })).toEqual([
      'GET',
      'DELETE',
    ]);
    expect(served.for({ hostname: 'www.example.com' })).toEqual(['GET']);
    expect(served.for(undefined)).toEqual(['GET']);
  });

  it('counts a method once when a route serving every host has it too', () => {
    const served = new ServedMethods([{ method: 'GET', check: admin }, GET]);
    expect(served.for({ hostname: 'www.example.com' })).toEqual(['GET']);
  });
});
