import 'reflect-metadata';
import { RouterExplorer } from '@nestjs/core/router/router-explorer';
import fastify from 'fastify';

import { FastifyHostRoutes } from './fastify-host-routes.util';
import {
  routeCheckOf,
  keepRouteCheck,
  markHostFilters,
} from './route-check.util';

type Filter = (req: object, res: unknown, next: () => unknown) => unknown;

/** Nest's own `applyHostFilter`, on the adapter reading `req.hostname`. */
function hostFilter(host: string, handler: Filter): Filter {
  const explorer = {
    container: {
      getHttpAdapterRef: () => ({
        getRequestHostname: (req: { hostname?: string }) => req.hostname,
      }),
    },
  };
  const apply = (
    RouterExplorer.prototype as unknown as {
      applyHostFilter: (host: string, handler: Filter) => Filter;
    }
  ).applyHostFilter;
  return apply.call(explorer, host, handler);
}

describe('markHostFilters', () => {
  beforeAll(() => markHostFilters());

  it('marks the handler of a host-bound route with Nest’s own host match', () => {
    const handler = jest.fn();
    const check = routeCheckOf(hostFilter(':tenant.example.com', handler));
    expect(check?.({ hostname: 'acme.example.com' })).toBe(true);
    expect(check?.({ hostname: 'example.org' })).toBe(false);
    expect(check?.({})).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });

  it('leaves the request as it was (Nest’s filter writes `hosts`)', () => {
    const check = routeCheckOf(hostFilter(':tenant.example.com', jest.fn()));
    const request = { hostname: 'acme.example.com' };
    check?.(request);
    expect(request).toEqual({ hostname: 'acme.example.com' });
  });

  it('still serves the route as Nest does', () => {
    const handler = jest.fn(() => 'served');
    const next = jest.fn(() => 'next');
    const filter = hostFilter('admin.example.com', handler);
    expect(filter({ hostname: 'admin.example.com' }, {}, next)).toBe('served');
    expect(filter({ hostname: 'www.example.com' }, {}, next)).toBe('next');
  });

  it('marks Nest once however many apps mount it', () => {
    const prototype = RouterExplorer.prototype as unknown as {
      applyHostFilter: unknown;
    };
    const marked = prototype.applyHostFilter;
    markHostFilters();
    expect(prototype.applyHostFilter).toBe(marked);
  });

  it('passes the mark on to a handler put in front', () => {
    const filter = hostFilter('admin.example.com', jest.fn());
    const wrapper = () => undefined;
    keepRouteCheck(filter, wrapper);
    expect(routeCheckOf(wrapper)).toBe(routeCheckOf(filter));
    expect(routeCheckOf(() => undefined)).toBeUndefined();
  });
});

describe('FastifyHostRoutes', () => {
  beforeAll(() => markHostFilters());

  it('asks Fastify’s router while no route is host-bound', () => {
    const routes = new FastifyHostRoutes(fastify());
    routes.record({ method: 'GET', url: '/items', handler: () => undefined });
    expect(routes.find('GET', '/items')).toBeUndefined();
  });

  it('finds the route Fastify would, with its host check', () => {
    const routes = new FastifyHostRoutes(fastify());
    const admin = hostFilter('admin.example.com', jest.fn());
    routes.record({ method: 'GET', url: '/shared/me', handler: () => 1 });
    routes.record({ method: 'GET', url: '/shared/:id', handler: admin });
    expect(routes.find('GET', '/shared/me')?.store?.check).toBeUndefined();
    expect(routes.find('GET', '/shared/7')?.store?.check).toBe(
      routeCheckOf(admin),
    );
    expect(routes.find('GET', '/elsewhere')).toBeNull();
    expect(routes.find('DELETE', '/shared/7')).toBeNull();
  });

  it('answers with Fastify’s router when it cannot build a second one', () => {
    const routes = new FastifyHostRoutes({});
    routes.record({
      method: 'GET',
      url: '/admin',
      handler: hostFilter('admin.example.com', jest.fn()),
    });
    expect(routes.find('GET', '/admin')).toBeUndefined();
  });
});
