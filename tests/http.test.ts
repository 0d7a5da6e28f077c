import { request } from 'node:http';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../adapters/http/server.js';
import { createMetrics, type Metrics } from '../adapters/metrics/create-metrics.js';
import { instrumentCore } from '../adapters/metrics/instrument-core.js';
import type { Route } from '../adapters/platform.js';
import { createPinpoint, silentLogger, type Logger, type Pinpoint } from '../src/index.js';
import { createRecordingLogger } from './fakes/discord-logger.js';

interface MetricFamily {
  name: string;
  help: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string; sum?: string }[];
}
const require = createRequire(import.meta.url);
const parsePrometheus = require('parse-prometheus-text-format') as (text: string) => MetricFamily[];

const KNOWLEDGE = path.resolve('knowledge');

let core: Pinpoint;
beforeAll(async () => {
  core = await createPinpoint({ knowledgeDir: KNOWLEDGE, logger: silentLogger });
});
afterAll(async () => {
  await core.close();
});

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.drain(100)));
});

async function start(
  options: {
    checks?: () => Record<string, boolean>;
    metrics?: Metrics;
    routes?: Route[];
    maxBodyBytes?: number;
    logger?: Logger;
    pendingPaths?: string[];
  } = {},
): Promise<{ server: HttpServer; base: string; port: number }> {
  const server = createHttpServer({
    port: 0,
    host: '127.0.0.1',
    logger: options.logger ?? silentLogger,
    metrics: options.metrics ?? createMetrics({ defaultMetrics: false }),
    readiness: options.checks ?? (() => ({ core: true })),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.pendingPaths ? { pendingPaths: options.pendingPaths } : {}),
  });
  if (options.routes) server.mount(options.routes);
  servers.push(server);
  const address: AddressInfo = await server.listen();
  return { server, base: `http://127.0.0.1:${address.port}`, port: address.port };
}

/**
 * One labelled histogram series as an unlabelled histogram: parse-prometheus-text-format only keeps
 * buckets, count and sum for histograms without labels, so the test narrows the text before parsing.
 */
function histogramSeries(text: string, name: string, labels: Record<string, string>): MetricFamily['metrics'][number] {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const lines = text.split('\n').filter((line) => {
    if (line === `# TYPE ${name} histogram` || line.startsWith(`# HELP ${name} `)) return true;
    return line.startsWith(`${name}_`) && pairs.every((pair) => line.includes(pair));
  });
  const narrowed = lines.map((line) =>
    pairs.reduce((out, pair) => out.replace(`,${pair}`, '').replace(`${pair},`, '').replace(pair, ''), line).replace('{}', ''),
  );
  const parsed = parsePrometheus(`${narrowed.join('\n')}\n`);
  const series = parsed[0]?.metrics[0];
  if (!series) throw new Error(`no ${name} series for ${pairs.join(',')}`);
  return series;
}

function family(families: MetricFamily[], name: string): MetricFamily {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`metric ${name} missing; have ${families.map((f) => f.name).join(', ')}`);
  return found;
}

function sample(f: MetricFamily, labels: Record<string, string>): MetricFamily['metrics'][number] {
  const found = f.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (!found) throw new Error(`${f.name} has no sample ${JSON.stringify(labels)}`);
  return found;
}

describe('createHttpServer', () => {
  it('answers /healthz with 200 while the process lives', async () => {
    const { base } = await start({ checks: () => ({ core: false }) });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 503 naming the failing check until everything is ready', async () => {
    let slackReady = false;
    const { base } = await start({ checks: () => ({ core: true, slack: slackReady }) });
    const before = await fetch(`${base}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'not ready', checks: { core: true, slack: false, accepting: true } });
    slackReady = true;
    const after = await fetch(`${base}/readyz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ready', checks: { core: true, slack: true, accepting: true } });
  });

  it('passes the exact body bytes to a mounted route', async () => {
    const seen: string[] = [];
    const route: Route = {
      method: 'POST',
      path: '/slack/events',
      handle(_req, res, rawBody) {
        seen.push(rawBody.toString('utf8'));
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      },
    };
    const { base } = await start({ routes: [route] });
    const body = 'token=x&text=%E2%9C%93 caf\u00e9';
    const res = await fetch(`${base}/slack/events?retry=1`, { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(seen).toEqual([body]);
  });

  it.each([
    ['GET', '/slack/events', 405],
    ['POST', '/nowhere', 404],
    ['GET', '/nowhere', 404],
  ])('answers %s %s with %i', async (method, url, status) => {
    const route: Route = { method: 'POST', path: '/slack/events', handle: (_req, res) => void res.end('ok') };
    const { base } = await start({ routes: [route] });
    const res = await fetch(`${base}${url}`, { method });
    expect(res.status).toBe(status);
  });

  it('refuses a body over the limit with 413 without calling the route', async () => {
    const calls: number[] = [];
    const route: Route = { method: 'POST', path: '/in', handle: (_req, res) => {
      calls.push(1);
      res.end('ok');
    } };
    const { base } = await start({ routes: [route], maxBodyBytes: 10 });
    const res = await fetch(`${base}/in`, { method: 'POST', body: 'x'.repeat(11) });
    expect(res.status).toBe(413);
    expect(calls).toEqual([]);
  });

  describe('default body limit (1 MiB)', () => {
    const MIB = 1024 * 1024;
    /** A route that records the size of each body it is handed. */
    function sizeRecorder(): { route: Route; sizes: number[] } {
      const sizes: number[] = [];
      const handle: Route['handle'] = (_req, res, rawBody) => {
        sizes.push(rawBody.length);
        res.end('ok');
      };
      return { sizes, route: { method: 'POST', path: '/in', handle } };
    }

    /** POSTs `total` bytes as chunks of one reused 64 KiB buffer, without a content-length (chunked encoding). */
    function postChunked(port: number, total: number): Promise<number> {
      const chunk = Buffer.alloc(64 * 1024, 0x78);
      return new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/in', method: 'POST' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        let left = total;
        const pump = (): void => {
          while (left > 0) {
            const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
            left -= part.length;
            if (!req.write(part)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
    }

    it('hands a route a body of exactly 1 MiB when no limit is passed', async () => {
      const { route, sizes } = sizeRecorder();
      const { base } = await start({ routes: [route] });
      const res = await fetch(`${base}/in`, { method: 'POST', body: Buffer.alloc(MIB, 0x78) });
      expect(res.status).toBe(200);
      expect(sizes).toEqual([MIB]);
    });

    it('refuses one byte over 1 MiB with 413 when no limit is passed, declared up front', async () => {
      const { route, sizes } = sizeRecorder();
      const { base } = await start({ routes: [route] });
      const res = await fetch(`${base}/in`, { method: 'POST', body: Buffer.alloc(MIB + 1, 0x78) });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: 'body too large' });
      expect(sizes).toEqual([]);
    });

    it('refuses one byte over 1 MiB with 413 when no limit is passed, sent in chunks without a length', async () => {
      const { route, sizes } = sizeRecorder();
      const { port } = await start({ routes: [route] });
      expect(await postChunked(port, MIB + 1)).toBe(413);
      expect(sizes).toEqual([]);
    });
  });

  describe('hostile clients', () => {
    /** Writes `bytes` on a raw connection; resolves with what came back once the server closes it. */
    function raw(port: number, bytes: string, options: { hangUp?: boolean } = {}): Promise<string> {
      return new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          // Hung up only once the bytes are out, so the server has them all before the connection goes.
          socket.write(bytes, () => options.hangUp && socket.destroy());
        });
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString('latin1')));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
    }

    it('answers a request line that is no URL with 400 and no error in the log', async () => {
      const logger = createRecordingLogger();
      const { port } = await start({ logger });
      const reply = await raw(port, 'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
      expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    });

    it('logs no error when a client hangs up half-way through its body', async () => {
      const logger = createRecordingLogger();
      const calls: number[] = [];
      const route: Route = {
        method: 'POST',
        path: '/in',
        handle: (_req, res) => {
          calls.push(1);
          res.end('ok');
        },
      };
      const { port } = await start({ logger, routes: [route] });
      await raw(port, 'POST /in HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc', { hangUp: true });
      await logger.waitFor((e) => e.level === 'error' || e.message === 'request abandoned: the client closed the connection before sending the whole body');
      expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
      expect(calls).toEqual([]);
    });
  });

  it('answers another method on /healthz, /readyz and /metrics with 405 naming GET and HEAD, not 404', async () => {
    const { base } = await start();
    for (const [method, path] of [['POST', '/healthz'], ['PUT', '/readyz'], ['DELETE', '/metrics']] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(await response.json()).toEqual({ error: 'method not allowed' });
    }
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });

  it('keeps an idle keep-alive connection open past a minute-long proxy idle timeout, not 5 s', async () => {
    // A reverse proxy or load balancer (ALB 60 s, nginx 60 s, Caddy 2 min) reuses its idle connection to the bot: had
    // the bot closed it first, the request sent on it as it closed failed with a 502.
    const { port } = await start();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      // Past Node's default (5 s, closed a second later): the bot must still hold the connection.
      await new Promise((resolve) => setTimeout(resolve, 7500));
      expect(socket.destroyed).toBe(false);
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      await closed;
      expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
      expect(received).toContain('Keep-Alive: timeout=65');
    } finally {
      socket.destroy();
    }
  }, 30_000);

  it('answers 500 and keeps serving when a route throws', async () => {
    const route: Route = {
      method: 'POST',
      path: '/boom',
      handle: () => {
        throw new Error('broken adapter');
      },
    };
    const { base } = await start({ routes: [route] });
    expect((await fetch(`${base}/boom`, { method: 'POST', body: '' })).status).toBe(500);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('names PORT when the port is already taken', async () => {
    const { port } = await start();
    const second = createHttpServer({
      port,
      host: '127.0.0.1',
      logger: silentLogger,
      metrics: createMetrics({ defaultMetrics: false }),
      readiness: () => ({}),
    });
    await expect(second.listen()).rejects.toThrow(
      `pinpoint: cannot listen: port ${port} on 127.0.0.1 is already in use; set PORT to a free port or stop the process using it`,
    );
  });

  it('names HOST when it is a well-formed address this machine does not have', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): documentation only, never assigned to an interface.
    const server = createHttpServer({
      port: 0,
      host: '192.0.2.1',
      logger: silentLogger,
      metrics: createMetrics({ defaultMetrics: false }),
      readiness: () => ({}),
    });
    await expect(server.listen()).rejects.toThrow(
      'pinpoint: cannot listen: HOST 192.0.2.1 is not an address of this machine; set HOST to one of its addresses (e.g. 127.0.0.1), or leave it blank to listen on all interfaces',
    );
  });

  it('answers a platform path with 503 and Retry-After until its route is mounted, so Slack retries rather than sees 404', async () => {
    const { server, base } = await start({ checks: () => ({ core: false }), pendingPaths: ['/slack/events'] });
    const early = await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' });
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${base}/nowhere`, { method: 'POST', body: 'x' })).status).toBe(404);
    server.mount([{ method: 'POST', path: '/slack/events', handle: (_req, res) => void res.end('ok') }]);
    const mounted = await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' });
    expect(mounted.status).toBe(200);
    expect(await mounted.text()).toBe('ok');
  });

  it('refuses to mount the same path twice', async () => {
    const route: Route = { method: 'POST', path: '/slack/events', handle: (_req, res) => void res.end() };
    const { server } = await start({ routes: [route] });
    expect(() => server.mount([route])).toThrow(
      'pinpoint: HTTP route /slack/events is mounted twice; each adapter needs its own path',
    );
    expect(() => server.mount([{ ...route, path: '/healthz' }])).toThrow(
      'pinpoint: HTTP route /healthz is mounted twice; each adapter needs its own path',
    );
  });

  it('finishes an in-flight request during drain, reports not ready and refuses new connections', async () => {
    let release: () => void = () => {};
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const route: Route = {
      method: 'POST',
      path: '/slow',
      handle: (_req, res) =>
        new Promise<void>((done) => {
          release = () => {
            res.end('finished');
            done();
          };
          entered();
        }),
    };
    const { server, base } = await start({ routes: [route] });
    const slow = fetch(`${base}/slow`, { method: 'POST', body: 'x' });
    await inside;
    expect(server.inFlight()).toBe(1);
    expect(server.readiness()).toEqual({ ready: true, checks: { core: true, accepting: true } });

    const draining = server.drain(2000);
    expect(server.readiness()).toEqual({ ready: false, checks: { core: true, accepting: false } });
    await expect(fetch(`${base}/healthz`)).rejects.toThrow('fetch failed');
    release();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('finished');
    expect(await draining).toEqual({ completed: true });
    expect(server.inFlight()).toBe(0);
  });

  it('cuts requests still running at the drain deadline', async () => {
    const route: Route = { method: 'POST', path: '/hang', handle: () => new Promise<void>(() => {}) };
    const { server, base } = await start({ routes: [route] });
    const hanging = fetch(`${base}/hang`, { method: 'POST', body: 'x' }).then(
      () => 'answered',
      () => 'cut',
    );
    while (server.inFlight() === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(await server.drain(50)).toEqual({ completed: false });
    expect(await hanging).toBe('cut');
  });
});

describe('/metrics', () => {
  it('serves Prometheus text that a parser reads, fed by an instrumented real core', async () => {
    const metrics = createMetrics();
    metrics.trackIndex(() => core.stats());
    metrics.registerPlatform('slack');
    const slackCore = instrumentCore(core, metrics, 'slack');
    const matched = slackCore.ask('Who filed the class-action lawsuit against Meta?');
    const more = slackCore.ask('Who filed the class-action lawsuit against Meta?', { offset: 1 });
    const missed = slackCore.ask('What is the boiling point of mercury in kelvin?');
    expect(matched.kind).toBe('excerpts');
    expect(missed.kind).toBe('no-match');
    void more;
    metrics.errorReporter('slack')('send');
    metrics.errorReporter('slack')('send');

    const { base } = await start({ metrics });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    const families = parsePrometheus(text);

    const questions = family(families, 'pinpoint_questions_total');
    expect(questions.type).toBe('COUNTER');
    expect(sample(questions, { platform: 'slack', operation: 'ask', outcome: 'excerpts' }).value).toBe('1');
    expect(sample(questions, { platform: 'slack', operation: 'ask', outcome: 'no-match' }).value).toBe('1');
    expect(sample(questions, { platform: 'slack', operation: 'find_sources', outcome: 'excerpts' }).value).toBe('0');
    const moreCount = Number(sample(questions, { platform: 'slack', operation: 'more', outcome: 'excerpts' }).value) +
      Number(sample(questions, { platform: 'slack', operation: 'more', outcome: 'no-match' }).value);
    expect(moreCount).toBe(1);

    // More pages are not new questions: 1 miss out of 2 questions.
    expect(family(families, 'pinpoint_no_match_ratio').metrics[0]?.value).toBe('0.5');

    expect(family(families, 'pinpoint_answer_duration_seconds').type).toBe('HISTOGRAM');
    const askLatency = histogramSeries(text, 'pinpoint_answer_duration_seconds', { platform: 'slack', operation: 'ask' });
    expect(askLatency.count).toBe('2');
    expect(askLatency.buckets?.['+Inf']).toBe('2');
    expect(Number(askLatency.sum)).toBeGreaterThan(0);

    const errors = family(families, 'pinpoint_platform_errors_total');
    expect(sample(errors, { platform: 'slack', kind: 'send' }).value).toBe('2');
    expect(sample(errors, { platform: 'slack', kind: 'adapter' }).value).toBe('0');

    const stats = core.stats();
    expect(family(families, 'pinpoint_index_documents').metrics[0]?.value).toBe(String(stats.documents));
    expect(family(families, 'pinpoint_index_passages').metrics[0]?.value).toBe(String(stats.passages));
    const age = Number(family(families, 'pinpoint_index_age_seconds').metrics[0]?.value);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(600);

    // Process metrics come from the same client library.
    expect(family(families, 'process_cpu_user_seconds_total').type).toBe('COUNTER');
  });

  it('counts the next page of a Find sources answer as More, not as another question', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const slackCore = instrumentCore(core, metrics, 'slack');
    const message = 'Who filed the class-action lawsuit against Meta?';
    expect(slackCore.findSources(message).kind).toBe('excerpts');
    // Slack's More button under a Find sources answer asks findSources again from the next excerpt.
    slackCore.findSources(message, { offset: 3 });
    // Its Share posts again what was found: the same answer, not counted.
    expect(slackCore.findSourcesAgain(message)).toEqual(core.findSources(message));

    const families = parsePrometheus(await metrics.render());
    const questions = family(families, 'pinpoint_questions_total');
    const count = (operation: string) =>
      questions.metrics
        .filter((m) => m.labels?.platform === 'slack' && m.labels.operation === operation)
        .reduce((sum, m) => sum + Number(m.value), 0);
    expect({ find_sources: count('find_sources'), more: count('more') }).toEqual({ find_sources: 1, more: 1 });
    // One question, answered: a next page with nothing left on it is no miss of the documents.
    expect(family(families, 'pinpoint_no_match_ratio').metrics[0]?.value).toBe('0');
  });

  it('counts an error of the core against the platform that called it, and rethrows it', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const broken = instrumentCore(
      {
        ...core,
        ask: () => {
          throw new Error('index gone');
        },
      } as Pinpoint,
      metrics,
      'discord',
    );
    expect(() => broken.ask('anything')).toThrow('index gone');
    const families = parsePrometheus(await metrics.render());
    expect(sample(family(families, 'pinpoint_platform_errors_total'), { platform: 'discord', kind: 'core' }).value).toBe('1');
  });

  it('reports an empty index until the core is loaded', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const families = parsePrometheus(await metrics.render());
    expect(family(families, 'pinpoint_index_documents').metrics).toEqual([{ value: '0' }]);
    expect(family(families, 'pinpoint_no_match_ratio').metrics).toEqual([{ value: '0' }]);
  });

  it('lets the core be closed only by the composition root', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    await instrumentCore(core, metrics, 'slack').close();
    expect(core.ask('Who filed the class-action lawsuit against Meta?').kind).toBe('excerpts');
  });
});
