import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PinpointError, type Logger } from '../../src/index.js';
import type { Route } from '../platform.js';
import { readBody, BodyTooLargeError } from './read-body.js';

/** What /readyz reports: ready only when every check is true and the process is not shutting down. */
export type ReadinessChecks = () => Record<string, boolean>;

export interface HttpServerOptions {
  port: number;
  host?: string | undefined;
  logger: Logger;
  readiness: ReadinessChecks;
  metrics: { contentType: string; render(): Promise<string> };
  /** Largest request body accepted on adapter routes (Slack and Discord payloads are far smaller). */
  maxBodyBytes?: number;
  /**
   * Paths the adapters will mount once the index is loaded. Until then a request there gets 503 with Retry-After,
   * as /readyz says not ready: the bot is starting (Slack retries its events), where a 404 would say the URL is wrong.
   */
  pendingPaths?: readonly string[];
}

export interface HttpServer {
  listen(): Promise<AddressInfo>;
  /** Adds adapter routes (POST /slack/events …); a path may be mounted once. */
  mount(routes: readonly Route[]): void;
  /** Requests being served right now. */
  inFlight(): number;
  /** What /readyz answers: every check, plus `accepting` (false once draining). */
  readiness(): { ready: boolean; checks: Record<string, boolean> };
  /**
   * Stops taking new work: /readyz turns 503, the listener closes, idle keep-alive connections drop,
   * then waits up to `timeoutMs` for in-flight requests before cutting the remaining connections.
   */
  drain(timeoutMs: number): Promise<{ completed: boolean }>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/** What a request to a route still to be mounted is told to wait, in seconds. */
const PENDING_RETRY_AFTER_S = 5;

/** How long an idle keep-alive connection stays open: above the 60 s idle timeout of common proxies. */
const KEEP_ALIVE_MS = 65_000;

/** The server's own endpoints, read with GET or HEAD; adapters may not mount these paths. */
const BUILT_IN_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The path of a request target, or undefined when it is not a URL at all. */
function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

/** The one HTTP server on PORT: liveness, readiness, metrics, and the platform adapters' routes. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const routes = new Map<string, Route>();
  const pending = new Set(options.pendingPaths);
  let draining = false;
  let active = 0;
  let onIdle: (() => void) | undefined;

  const readiness = (): { ready: boolean; checks: Record<string, boolean> } => {
    const checks = { ...options.readiness(), accepting: !draining };
    return { ready: Object.values(checks).every(Boolean), checks };
  };

  const builtIn = async (_req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
    } else if (path === '/readyz') {
      const report = readiness();
      sendJson(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', checks: report.checks });
    } else if (path === '/metrics') {
      const text = await options.metrics.render();
      res.writeHead(200, { 'content-type': options.metrics.contentType });
      res.end(text);
    } else {
      return false;
    }
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = pathOf(req.url);
    if (path === undefined) {
      // Anyone can send a request line like "GET http://[ HTTP/1.1": their mistake, not a server error to log.
      logger.debug({ method }, 'request refused: unparseable URL');
      sendJson(res, 400, { error: 'bad request' });
      return;
    }
    logger.debug({ method, path }, 'request started');
    if (draining) res.setHeader('connection', 'close');

    if ((method === 'GET' || method === 'HEAD') && (await builtIn(req, res, path))) return;
    if (BUILT_IN_PATHS.has(path)) {
      // The path exists: "not found" would send whoever set up a probe with POST looking for a wrong URL.
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    const route = routes.get(path);
    if (!route && pending.has(path)) {
      res.setHeader('retry-after', String(PENDING_RETRY_AFTER_S));
      sendJson(res, 503, { error: 'starting' });
      return;
    }
    if (!route) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    if (route.method !== method) {
      res.setHeader('allow', route.method);
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // Answer, then drop the connection rather than read the rest of an oversized upload.
        res.setHeader('connection', 'close');
        sendJson(res, 413, { error: 'body too large' });
        req.resume();
        return;
      }
      if (res.destroyed) {
        // The client hung up mid-upload: nobody is left to answer, and nothing went wrong here.
        logger.debug({ method, path }, 'request abandoned: the client closed the connection before sending the whole body');
        return;
      }
      throw error;
    }
    await route.handle(req, res, body);
  };

  const server: Server = createServer((req, res) => {
    active += 1;
    const started = process.hrtime.bigint();
    res.once('close', () => {
      active -= 1;
      logger.debug(
        { method: req.method, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request finished',
      );
      if (active === 0) onIdle?.();
    });
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, method: req.method }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  // Slow or idle clients must not hold a connection open for long.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  // Longer than the idle timeout of the proxy in front (ALB and nginx 60 s): with Node's 5 s the bot closed idle
  // connections the proxy still meant to reuse, and a request sent on one as it closed failed with a 502.
  // Shutdown closes idle connections itself (drain).
  server.keepAliveTimeout = KEEP_ALIVE_MS;

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
          const where = `port ${options.port}${options.host ? ` on ${options.host}` : ''}`;
          const fix =
            error.code === 'EADDRINUSE'
              ? `${where} is already in use; set PORT to a free port or stop the process using it`
              : error.code === 'EACCES'
                ? `${where} needs privileges this process lacks; set PORT to 1024 or above`
                : // A well-formed IP that belongs to no interface here passes the settings check and fails only now.
                  error.code === 'EADDRNOTAVAIL' && options.host
                  ? `HOST ${options.host} is not an address of this machine; set HOST to one of its addresses (e.g. 127.0.0.1), or leave it blank to listen on all interfaces`
                  : undefined;
          reject(fix ? new PinpointError('CONFIG_INVALID', `pinpoint: cannot listen: ${fix}`, { cause: error }) : error);
        });
        server.listen(options.port, options.host, () => {
          server.removeAllListeners('error');
          server.on('error', (error) => logger.error({ err: error }, 'HTTP server error'));
          resolve(server.address() as AddressInfo);
        });
      }),
    mount(newRoutes) {
      for (const route of newRoutes) {
        if (routes.has(route.path) || BUILT_IN_PATHS.has(route.path)) {
          throw new Error(`pinpoint: HTTP route ${route.path} is mounted twice; each adapter needs its own path`);
        }
        routes.set(route.path, route);
        pending.delete(route.path);
      }
    },
    inFlight: () => active,
    readiness,
    async drain(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const completed = await new Promise<boolean>((resolve) => {
        if (active === 0) return resolve(true);
        onIdle = () => resolve(true);
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      clearTimeout(timer);
      onIdle = undefined;
      if (!completed) logger.warn({ inFlight: active, timeoutMs }, 'in-flight requests cut at the shutdown deadline');
      server.closeAllConnections();
      await closed;
      return { completed };
    },
  };
}
