/**
 * Where a Worker's time goes per request: V8's sampling CPU profiler, driven over workerd's
 * DevTools inspector (`--inspector-addr`, see bare-workerd.ts) while a route is loaded.
 * Each sample's time is charged to a stage: the bundled module its JavaScript frame belongs to
 * (the bundle's `// node_modules/...` and `// worker/...` comments name them), or, for runtime
 * code called from JavaScript (Response, Headers, URL, TextEncoder...), "runtime API"; time in
 * no JavaScript at all is the runtime's own work (HTTP, I/O, scheduling) or garbage collection.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Profile {
  requests: number;
  /** Microseconds per request charged to each stage, largest first. */
  stages: { stage: string; us: number }[];
  /** Busy microseconds per request (every stage but idle). */
  busy: number;
}

/** One DevTools protocol session over a WebSocket. */
async function session(url: string) {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error(`inspector ${url}: cannot connect`)), { once: true });
  });
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const w = m.id === undefined ? undefined : waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id!);
    if (m.error) w.reject(new Error(m.error.message));
    else w.resolve(m.result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => ws.close() };
}

/** The bundled module of each line of `source` (esbuild marks each module's start with a `// path` comment). */
function moduleLines(source: string): string[] {
  const out: string[] = [];
  let current = '(bundle)';
  for (const line of source.split('\n')) {
    const m = /^\/\/ ((?:node_modules\/)?[\w@./-]+\.[mc]?[jt]s)$/.exec(line);
    if (m) current = m[1]!;
    out.push(current);
  }
  return out;
}

/** The stage a bundled module belongs to. */
function stageOf(module: string): string {
  if (/hono\/dist\/middleware\/secure-headers/.test(module)) return 'hono secureHeaders';
  if (/hono\/dist\/middleware\/cors/.test(module)) return 'hono cors';
  if (/hono\/dist\/validator|@hono\/zod-validator|@hono\/zod-openapi/.test(module)) return 'request validation (hono validator)';
  if (/node_modules\/zod\//.test(module)) return 'request validation (zod)';
  if (/hono\/dist\/router/.test(module)) return 'hono routing';
  if (/hono\/dist\/(request|utils\/url)/.test(module)) return 'hono request (URL, query parsing)';
  if (/hono\/dist\//.test(module)) return 'hono core (compose, context, response)';
  if (/^worker\/answers\.ts/.test(module)) return 'worker: answers kept (answers.ts)';
  if (/^worker\/index\.ts/.test(module)) return 'worker: middleware (index.ts)';
  if (/^worker\/http\.ts/.test(module)) return 'worker: http.ts (version, ETag, format, send)';
  if (/^worker\/(store|lookup)\.ts/.test(module)) return 'worker: store and lookups (pointer, entries)';
  if (/^worker\/(csv|problem)\.ts/.test(module)) return 'worker: CSV and problems';
  if (/^worker\/routes\//.test(module)) return 'worker: route handlers';
  if (/^model\//.test(module)) return 'model (computations)';
  return `other (${module})`;
}

/**
 * Profile the Worker behind `inspector` while `load` runs (it resolves to the number of requests
 * it made); `source` is the Worker's bundle (to map frames to modules).
 */
export async function profile(inspector: string, source: string, load: () => Promise<number>): Promise<Profile> {
  const lines = moduleLines(source);
  const s = await session(inspector);
  try {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 100 });
    await s.send('Profiler.start');
    const requests = await load();
    const { profile: p } = await s.send<{ profile: CpuProfile }>('Profiler.stop');
    await s.send('Profiler.disable');

    // Each node's stage: its own module's, or for a frame with no script (runtime code called
    // from JavaScript) "runtime API", or the profiler's pseudo-frames ((program), (idle), (garbage collector)).
    const stage = new Map<number, string>();
    for (const n of p.nodes) {
      const f = n.callFrame;
      if (f.url) stage.set(n.id, stageOf(lines[f.lineNumber] ?? '(bundle)'));
      else if (/^\(.*\)$/.test(f.functionName)) stage.set(n.id, `runtime ${f.functionName}`);
      else
        stage.set(
          n.id,
          f.functionName ? 'runtime API called from JS (Response, Headers, URL...)' : 'runtime: entering JS (event, promise jobs)',
        );
    }
    const us = new Map<string, number>();
    for (let i = 0; i < p.samples.length; i++) {
      const dt = p.timeDeltas[i + 1] ?? 0;
      const st = stage.get(p.samples[i]!) ?? '?';
      us.set(st, (us.get(st) ?? 0) + dt);
    }
    const stages = [...us]
      .map(([st, t]) => ({ stage: st, us: t / Math.max(1, requests) }))
      .filter((x) => x.us >= 0.05)
      .sort((a, b) => b.us - a.us);
    const busy = stages.filter((x) => x.stage !== 'runtime (idle)').reduce((a, x) => a + x.us, 0);
    return { requests, stages, busy };
  } finally {
    s.close();
  }
}
