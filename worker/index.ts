/**
 * Sahel Pulse Worker: the JSON API under /api/v1. Static files (web/dist) are served by Workers
 * static assets without running this code (see wrangler.toml, run_worker_first).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { api, ROUTES } from './api.ts';
import { ProblemError, problemResponse } from './problem.ts';

const app = new Hono<{ Bindings: Env }>();

app.use('*', secureHeaders());
app.route('/api/v1', api);

app.notFound(() =>
  problemResponse({
    type: 'about:blank',
    title: 'Not found',
    status: 404,
    detail: `No such route. API routes: ${Object.keys(ROUTES).join(', ')}.`,
    routes: ROUTES,
  }),
);

app.onError((err, c) => {
  if (err instanceof ProblemError) return problemResponse(err.problem);
  if (err instanceof HTTPException)
    return problemResponse({ type: 'about:blank', title: err.message || 'Error', status: err.status, detail: err.message });
  // One line for the operator; the client gets no internals.
  console.error(`unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}: ${err instanceof Error ? err.message : String(err)}`);
  return problemResponse({
    type: 'about:blank',
    title: 'Internal error',
    status: 500,
    detail: 'The server failed to answer this request. It has been logged.',
  });
});

export default app;
