import { describeRawRequest } from './raw-request.util';

const described = (url: string) =>
  describeRawRequest({ method: 'GET', url, headers: {} });

describe('describeRawRequest', () => {
  it('drops the query string', () => {
    expect(described('/nope?token=abc').path).toBe('/nope');
  });

  it('drops the scheme and host of an absolute-form target', () => {
    expect(described('http://evil.example/nope?token=abc').path).toBe('/nope');
    expect(described('HTTPS://evil.example:8443/a/b').path).toBe('/a/b');
    expect(described('http://evil.example').path).toBe('/');
    expect(described('http://evil.example?x=1').path).toBe('/');
  });

  it('leaves other targets as they are', () => {
    expect(described('*').path).toBe('*');
    expect(described('//double/slash').path).toBe('//double/slash');
  });

  it('prefers Express’s originalUrl and cuts long paths', () => {
    const request = {
      method: 'POST',
      url: '/x',
      originalUrl: '/api/x',
      headers: {},
    };
    expect(describeRawRequest(request)).toEqual({
      method: 'POST',
      path: '/api/x',
    });
    expect(described(`/${'a'.repeat(300)}`).path).toBe(`/${'a'.repeat(300)}`);
    expect(
      describeRawRequest({ url: `/${'a'.repeat(300)}`, headers: {} }, 10).path,
    ).toBe('/aaaaaaaaa…');
  });
});
