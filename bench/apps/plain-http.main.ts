import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { serveAdmin } from './admin.util';

/**
 * The ceiling: `node:http` answering each bench route with the status and a
 * JSON body of the module's shape (request id header included), with no
 * framework at all. Nest cannot be faster than this.
 */
const server = createServer((req, res) => {
  const id = randomUUID();
  res.setHeader('x-request-id', id);
  const url = req.url ?? '/';
  if (req.method === 'GET' && url === '/items/42') return send(res, 200, { id: '42', name: 'Widget' });
  if (req.method === 'GET' && url === '/items/0') return sendError(res, id, 404, 'Item 0 does not exist.');
  if (req.method === 'GET' && url === '/boom') return sendError(res, id, 500, 'An unexpected error occurred.');
  if (req.method === 'GET' && url === '/private') return sendError(res, id, 401, 'The API key provided is invalid.');
  if (req.method === 'POST' && url === '/signup') return readBody(req, () => sendError(res, id, 422, 'Invalid body.'));
  return sendError(res, id, 404, `Cannot ${req.method} ${url}`);
});

function readBody(req: IncomingMessage, done: () => void): void {
  req.on('data', () => undefined);
  req.on('end', done);
}

function sendError(res: ServerResponse, requestId: string, status: number, message: string): void {
  send(res, status, { request_id: requestId, error: { status, code: status, message, docs: '/docs/errors' } });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

server.listen(0, '127.0.0.1', () => serveAdmin((server.address() as { port: number }).port));
