/**
 * The API reference page (/api/v1/docs), rendered on the server from the OpenAPI document as
 * served (so it shows exactly what the API validates, with examples from the dataset published
 * now). Each operation has a form whose fields are its documented parameters, filled with their
 * examples: without script it is a plain GET form (the browser shows the answer); with the
 * page's static script (/api-docs.js, web/src/api-docs.ts; no inline script: see the page's CSP
 * in routes/index.ts) the answer, JSON or CSV, is shown under the form. Every string is escaped.
 */
import type { DatasetRef } from '../model/types.ts';

interface Schema {
  type?: string;
  enum?: string[];
  example?: unknown;
  pattern?: string;
  maxLength?: number;
}
interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Param[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
export interface OpenApiDoc {
  info: { title: string; description?: string; termsOfService?: string; license?: { name: string; url?: string } };
  servers?: { url: string }[];
  paths: Record<string, { get?: Operation }>;
}

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
/** Escaped text with the document's `code` spans (CommonMark backticks) as <code>. */
const text = (s: unknown): string => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** A form field for one parameter: a select for an enum (with an empty choice when optional), else a text box; filled with the example. */
function field(id: string, p: Param): string {
  const example = p.schema?.example;
  const value = example === undefined ? '' : String(example);
  const fid = `${id}-${p.name}`;
  const hint = `${fid}-hint`;
  const label = `<label for="${esc(fid)}"><code>${esc(p.name)}</code> <span class="req">${p.required ? 'required' : 'optional'}</span></label>`;
  const common = `id="${esc(fid)}" name="${esc(p.name)}" aria-describedby="${esc(hint)}"${p.required ? ' required' : ''}`;
  const input = p.schema?.enum
    ? `<select ${common}>${p.required ? '' : `<option value=""${value === '' ? ' selected' : ''}>(none)</option>`}${p.schema.enum
        .map((v) => `<option${v === value ? ' selected' : ''}>${esc(v)}</option>`)
        .join('')}</select>`
    : `<input type="text" ${common} value="${esc(value)}" autocomplete="off" spellcheck="false"${p.schema?.maxLength ? ` maxlength="${p.schema.maxLength}"` : ''}>`;
  return `<div class="field">${label}${input}<p class="hint" id="${esc(hint)}">${text(p.description)}</p></div>`;
}

export function docsPage(doc: OpenApiDoc, dataset: DatasetRef | null): string {
  const base = doc.servers?.[0]?.url ?? '';
  const ops = Object.entries(doc.paths).flatMap(([path, m]) => (m.get ? [{ path, op: m.get }] : []));
  // A route's CSV twin (`<path>.csv`) is shown in the route's section.
  const csvOf = new Map(ops.filter((o) => o.path.endsWith('.csv')).map((o) => [o.path.slice(0, -'.csv'.length), o]));
  const routes = ops.filter((o) => !o.path.endsWith('.csv'));

  const section = ({ path, op }: (typeof ops)[number]) => {
    const id = op.operationId ?? path.replace(/\W/g, '');
    const csv = csvOf.get(path);
    const responses = Object.entries(op.responses ?? {})
      .map(
        ([status, r]) =>
          `<li><strong>${esc(status)}</strong> ${text(r.description)}${r.content ? ` <small>(${esc(Object.keys(r.content).join(', '))})</small>` : ''}</li>`,
      )
      .join('');
    const params = op.parameters ?? [];
    return `<section class="op" id="${esc(id)}" aria-labelledby="${esc(id)}-title">
<h2 id="${esc(id)}-title"><span class="method">GET</span> <code>${esc(base + path)}</code></h2>
<p class="ids">operationId <code>${esc(op.operationId)}</code>${csv ? ` · CSV: <code>GET ${esc(base + csv.path)}</code>, operationId <code>${esc(csv.op.operationId)}</code>` : ''}</p>
<p>${text(op.summary)}</p>${op.description ? `<p>${text(op.description)}</p>` : ''}
<form class="try" method="get" action="${esc(base + path)}" data-op="${esc(id)}">
<fieldset><legend>Try it${params.length ? ': the fields are filled with the documented examples' : ''}</legend>
${params.length ? params.map((p) => field(id, p)).join('\n') : '<p>No parameters other than <code>version</code>.</p>'}
</fieldset>
<p class="buttons"><button type="submit">Send: JSON</button>${csv ? ` <button type="submit" formaction="${esc(base + csv.path)}">Send: CSV</button>` : ''}</p>
<div class="answer" id="${esc(id)}-answer" aria-live="polite"></div>
</form>
<h3>Responses</h3><ul class="responses">${responses}</ul></section>`;
  };

  const current = dataset
    ? `<p class="dataset">Examples use the dataset published now: version <code>${esc(dataset.version)}</code>, data to ${esc(dataset.asOf)}, ${esc(dataset.credit)}.</p>`
    : '<p class="dataset">No dataset is published yet: the data routes answer 503 until one is.</p>';
  const terms = doc.info.license
    ? `<p>Data terms: <a href="${esc(doc.info.license.url ?? doc.info.termsOfService)}">${esc(doc.info.license.name)}</a>.</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} reference</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/api-docs.css">
<script src="/api-docs.js" defer></script></head>
<body><main class="docs"><h1>${esc(doc.info.title)}</h1><p>${text(doc.info.description)}</p>
${current}${terms}
<p>Machine-readable: <a href="${esc(base)}/openapi.json">OpenAPI 3.1 document</a> (generate a client from it: see docs/api.md). Dashboard: <a href="/">Sahel Pulse</a>.</p>
<p>Every data route answers JSON at its path and CSV at the same path with <code>.csv</code>; supports <code>ETag</code>/<code>If-None-Match</code>; and takes <code>version</code> to pin a dataset version (cacheable for a year). Only GET, HEAD and OPTIONS are allowed; CORS is open; no key is needed.</p>
<nav aria-label="Routes"><ul class="toc">${routes.map(({ path, op }) => `<li><a href="#${esc(op.operationId)}"><code>${esc(base + path)}</code></a> ${esc(op.operationId)}</li>`).join('')}</ul></nav>
${routes.map(section).join('\n')}
</main></body></html>`;
}
