/**
 * Sahel Pulse Worker: the API under /api/v1 (routes/), behind the middleware every answer passes
 * (security headers, CORS, size and method limits), with errors answered once, in onError, as
 * problem+json. Static files (web/dist) are served by Workers static assets without running this
 * code (see wrangler.toml, run_worker_first).
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { servedAgain } from './answers.ts';
import type { Env } from './http.ts';
import { ProblemError, problemResponse } from './problem.ts';
import { scheduled } from './refresh.ts';
import { api, BASE, DOCS_PAGE, ROUTES } from './routes/index.ts';

const ALLOWED = 'GET, HEAD, OPTIONS';

const app = new Hono<Env>();

/**
 * The API's policy: an answer loads nothing and may not be framed (OWASP's REST Security Cheat
 * Sheet and Secure Headers project for APIs). Directives that only act on an HTML document
 * (style-src, base-uri, form-action) are left off: a JSON or CSV body has no styles, base or
 * forms, and every byte is sent with every answer. The reference page has its own policy (routes/index.ts).
 */
const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
};
/**
 * Data answers (JSON, CSV, problem+json): the headers OWASP's REST Security Cheat Sheet lists for
 * API responses (Content-Type, a CSP with frame-ancestors 'none', HSTS, nosniff, X-Frame-Options),
 * plus Cross-Origin-Resource-Policy (open data: other sites may fetch it, CORS below, and embed the
 * figures). Headers that act only on HTML documents are left off: Referrer-Policy,
 * Permissions-Policy, Cross-Origin-Opener-Policy, Origin-Agent-Cluster, X-DNS-Prefetch-Control,
 * X-Download-Options (Internet Explorer 8), X-Permitted-Cross-Domain-Policies (Flash and PDF
 * readers) and X-XSS-Protection (retired; OWASP advises not to set it). Every header is written on
 * every answer and costs throughput (BENCHMARKS.md, issue 18); these eight protected nothing here.
 */
const dataHeaders = secureHeaders({
  contentSecurityPolicy: API_CSP,
  crossOriginResourcePolicy: 'cross-origin',
  // As the CSP's frame-ancestors 'none' (Hono's default is SAMEORIGIN).
  xFrameOptions: 'DENY',
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});
/** The page and the API use no device or payment feature: none may be used (the dashboard's copy is in web/_headers). */
const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';
/**
 * The one HTML page the Worker writes (the API reference, /api/v1/docs): every header, as the
 * dashboard's pages get from web/_headers. A route that sets its own policy keeps it (the page's
 * CSP lets its script run: routes/index.ts).
 */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: API_CSP,
  crossOriginResourcePolicy: 'cross-origin',
  xFrameOptions: 'DENY',
  overwrite: false,
});
app.use('*', async (c, next) => {
  if (c.req.path !== DOCS_PAGE) return dataHeaders(c, next);
  await pageHeaders(c, next);
  c.res.headers.set('permissions-policy', PERMISSIONS_POLICY);
});
app.use(
  '/api/*',
  cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Content-Disposition'], maxAge: 86400 }),
);
/** Far above the longest meaningful request (about 400 characters); longer ones get a 414. */
const MAX_URL_LENGTH = 2048;

app.use('/api/*', async (c, next) => {
  if (c.req.url.length > MAX_URL_LENGTH) {
    return problemResponse({
      type: 'about:blank',
      title: 'URI too long',
      status: 414,
      detail: `Request URLs are limited to ${MAX_URL_LENGTH} characters; remove repeated or unknown parameters.`,
    });
  }
  // A body announced by its length, or sent chunked (no Content-Length: the runtime may drop the
  // Transfer-Encoding header but keeps the body stream).
  if (Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') || c.req.raw.body !== null) {
    return problemResponse({
      type: 'about:blank',
      title: 'Content too large',
      status: 413,
      detail: 'This API is read-only: requests carry no body.',
    });
  }
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    const res = problemResponse({
      type: 'about:blank',
      title: 'Method not allowed',
      status: 405,
      detail: `This API is read-only: use ${ALLOWED}.`,
    });
    res.headers.set('allow', ALLOWED);
    return res;
  }
  await next();
});

app.route(BASE, api);

app.notFound(() =>
  problemResponse({
    type: 'about:blank',
    title: 'Not found',
    status: 404,
    detail: `No such route. API routes: ${ROUTES.join(', ')}.`,
    routes: ROUTES,
  }),
);

app.onError((err, c) => {
  if (err instanceof ProblemError) return problemResponse(err.problem, err.lang);
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

// Answers already made are served again from memory or the edge cache before the app runs
// (answers.ts); for the Cron Trigger, the scheduled refresh (worker/refresh.ts).
app.fetch = servedAgain(app.fetch);
export default Object.assign(app, { scheduled });

// The scheduled refresh from ACLED's API (worker/refresh.ts): the Workflow class wrangler.toml names.
export { RefreshWorkflow } from './refresh.ts';
