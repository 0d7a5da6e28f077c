import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The path each platform's HTTP mode mounts, known before its adapter (and its SDK) loads: the server answers
 * "not yet" there while the index loads.
 */
export const HTTP_ROUTE_PATHS = { discord: '/discord/interactions', slack: '/slack/events' } as const;

/** An HTTP route an adapter mounts on the one server on PORT (e.g. POST /slack/events). */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** `rawBody` is the exact bytes received (signatures are computed over them). */
  handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): void | Promise<void>;
}

/** What adapters/main.ts starts and stops for each configured platform. */
export interface PlatformAdapter {
  readonly name: string;
  /** Routes to mount on the shared HTTP server; empty for socket-only modes. */
  readonly routes: Route[];
  start(): Promise<void>;
  /**
   * Stops taking new work and waits for in-flight work to finish, at most `timeoutMs` (main.ts passes what is
   * left of SHUTDOWN_TIMEOUT_MS; default: the adapter's own `stopTimeoutMs`, else 3 s).
   */
  stop(timeoutMs?: number): Promise<void>;
  /** True once connected / ready to serve (for /readyz). */
  ready(): boolean;
}
