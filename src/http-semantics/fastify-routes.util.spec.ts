import { compileFastifyPath } from './fastify-routes.util';

describe('compileFastifyPath', () => {
  it.each([
    ['/things', '/things', true],
    ['/things', '/things/', false],
    ['/things/:id', '/things/42', true],
    ['/things/:id', '/things/42/x', false],
    ['/things/:id', '/things/', false],
    ['/things/:id/files/*', '/things/42/files/a/b.txt', true],
    ['/things/:id/files/*', '/things/42/files/', true],
    ['/num/:id(^\\d+$)', '/num/12', true],
    ['/num/:id(^\\d+$)', '/num/ab', false],
    ['/range/:from-:to', '/range/1-9', true],
    ['/opt/:id?', '/opt', true],
    ['/opt/:id?', '/opt/7', true],
    ['/a::b', '/a:b', true],
    ['/v1/x.json', '/v1/xxjson', false],
  ])('%s matches %s: %p', (pattern, path, expected) => {
    expect(compileFastifyPath(pattern)!.test(path)).toBe(expected);
  });

  it('honours ignoreTrailingSlash and caseSensitive: false', () => {
    const pattern = compileFastifyPath('/Things/', {
      ignoreTrailingSlash: true,
      caseSensitive: false,
    })!;
    expect(pattern.test('/things')).toBe(true);
  });

  it('gives up on syntax it does not know', () => {
    expect(compileFastifyPath('/bad/:id(unclosed')).toBeUndefined();
  });
});
