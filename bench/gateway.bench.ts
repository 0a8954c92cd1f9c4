/**
 * Gateway overhead: GET /v3/databases straight at the emulator vs. through the gateway (/api/v3/databases
 * with a session cookie). The emulator and the gateway run in one child process, as `npm start` runs them;
 * autocannon runs here, in the parent. Then the same through a gateway keeping its shared state in Redis
 * (REDIS_URL; a throwaway redis-server when one is installed): every call then asks Redis whether the
 * session was revoked and takes from its rate-limit bucket there. Measures; never fails on a number.
 * Targets: through-gateway throughput ≥ 70 % of direct; added latency ≤ 1 ms at p50.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { findRedisServer, startRedisServer } from '../server/gateway/testing/redis-server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

type Servers = { emulatorUrl: string; gatewayUrl: string; token: string; cookie: string };

/** Child mode: start emulator + gateway on free loopback ports, sign in, print one JSON line. */
async function serveForBench(): Promise<void> {
  const { startEmulator } = await import('../server/emulator/index.ts');
  const { startGateway } = await import('../server/gateway/index.ts');
  const { createLogger } = await import('../server/gateway/log.ts');
  const { freePort } = await import('../server/shared/ports.ts');
  const { randomToken } = await import('../server/shared/secrets.ts');
  const emulator = await startEmulator({ host: '127.0.0.1', port: await freePort(), dbPath: ':memory:', profiles: 200, log: false });
  const gateway = await startGateway({
    apiUrl: emulator.url,
    sessionSecret: randomToken(32),
    logger: createLogger('quiet'),
    rateLimit: process.env.BENCH_REDIS_URL
      ? { perSecond: 1_000_000, burst: 1_000_000 } // with Redis: pay for the bucket, never hit it
      : false, // the per-session limit would turn the load test into 429s
    redisUrl: process.env.BENCH_REDIS_URL || undefined,
    port: 0,
  });
  const res = await fetch(`${gateway.url}/auth/token`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'orrery', 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_token: emulator.token }),
  });
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const servers: Servers = { emulatorUrl: emulator.url, gatewayUrl: gateway.url, token: emulator.token, cookie };
  console.log(JSON.stringify(servers));
  process.on('SIGTERM', () => {
    void Promise.allSettled([gateway.close(), emulator.close()]).then(() => process.exit(0));
  });
}

function startChild(redisUrl = ''): Promise<{ child: ChildProcess; servers: Servers }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, ORRERY_GATEWAY_BENCH_CHILD: '1', BENCH_REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    lines.once('line', (line) => resolve({ child, servers: JSON.parse(line) as Servers }));
    child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
}

async function load(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50ms: result.latency.p50,
    latencyP99ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Sequential requests on one keep-alive connection, timed with sub-millisecond resolution. */
async function latency(url: string, headers: Record<string, string>, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      get(url, { agent, headers }, (res) => {
        res.resume();
        res.once('end', () => resolve());
      }).once('error', reject);
    });
    samples.push(performance.now() - t0);
  }
  agent.destroy();
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0) * 1000) / 1000;
  return { requests: samples.length, p50ms: at(0.5), p99ms: at(0.99) };
}

export default async function run(): Promise<Record<string, unknown>> {
  const { child, servers } = await startChild();
  try {
    const direct = `${servers.emulatorUrl}/v3/databases?access_token=${encodeURIComponent(servers.token)}`;
    const viaGateway = `${servers.gatewayUrl}/api/v3/databases`;
    const gatewayHeaders = { cookie: servers.cookie, 'x-requested-with': 'orrery' };
    // warm-up (JIT, keep-alive pools)
    await load(direct, {}, CONNECTIONS, 1);
    await load(viaGateway, gatewayHeaders, CONNECTIONS, 1);

    const throughputDirect = await load(direct, {}, CONNECTIONS, SECONDS);
    const throughputGateway = await load(viaGateway, gatewayHeaders, CONNECTIONS, SECONDS);
    // latency one request at a time, so queueing does not hide the per-request cost
    const latencyDirect = await latency(direct, {}, SECONDS);
    const latencyGateway = await latency(viaGateway, gatewayHeaders, SECONDS);

    const redis = await measureWithRedis();
    const result = {
      setup: `emulator + gateway in one child process (like npm start), autocannon in the parent; ${CONNECTIONS} connections for throughput, one request at a time for latency; ${SECONDS}s each`,
      direct: { throughput: throughputDirect, latency: latencyDirect },
      gateway: { throughput: throughputGateway, latency: latencyGateway },
      gatewayWithRedis: redis ?? 'skipped: redis-server not installed',
      redisThroughputRatio: redis
        ? Math.round((redis.throughput.requestsPerSecond / Math.max(1, throughputGateway.requestsPerSecond)) * 100) / 100
        : null,
      redisAddedLatencyP50ms: redis ? Math.round((redis.latency.p50ms - latencyGateway.p50ms) * 1000) / 1000 : null,
      throughputRatio: Math.round((throughputGateway.requestsPerSecond / Math.max(1, throughputDirect.requestsPerSecond)) * 100) / 100,
      addedLatencyP50ms: Math.round((latencyGateway.p50ms - latencyDirect.p50ms) * 1000) / 1000,
      addedLatencyP99ms: Math.round((latencyGateway.p99ms - latencyDirect.p99ms) * 1000) / 1000,
      targets: { throughputRatio: '>= 0.70', addedLatencyP50ms: '<= 1' },
    };
    console.log(
      `gateway: ${throughputGateway.requestsPerSecond} req/s vs direct ${throughputDirect.requestsPerSecond} req/s (ratio ${result.throughputRatio}); added latency p50 ${result.addedLatencyP50ms} ms, p99 ${result.addedLatencyP99ms} ms`,
    );
    if (redis)
      console.log(
        `gateway with Redis: ${redis.throughput.requestsPerSecond} req/s (ratio to in-process state ${result.redisThroughputRatio}); latency p50 ${redis.latency.p50ms} ms (+${result.redisAddedLatencyP50ms} ms)`,
      );
    return result;
  } finally {
    child.kill('SIGTERM');
  }
}

/** The gateway again, this time on a throwaway redis-server; undefined when none is installed. */
async function measureWithRedis() {
  const binary = findRedisServer();
  if (!binary) return undefined;
  const redis = await startRedisServer(binary);
  const { child, servers } = await startChild(redis.url);
  try {
    const url = `${servers.gatewayUrl}/api/v3/databases`;
    const headers = { cookie: servers.cookie, 'x-requested-with': 'orrery' };
    await load(url, headers, CONNECTIONS, 1);
    return { throughput: await load(url, headers, CONNECTIONS, SECONDS), latency: await latency(url, headers, SECONDS) };
  } finally {
    child.kill('SIGTERM');
    await redis.stop();
  }
}

if (process.env.ORRERY_GATEWAY_BENCH_CHILD === '1') void serveForBench();
