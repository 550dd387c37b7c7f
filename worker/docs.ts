/**
 * A human-readable API reference, rendered on the server from the OpenAPI document (so it shows
 * exactly what the API validates). Every string is escaped; the page runs no script.
 */
interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: { enum?: string[]; example?: unknown };
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Param[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
export interface OpenApiDoc {
  info: { title: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function docsPage(doc: OpenApiDoc): string {
  const base = doc.servers?.[0]?.url ?? '';
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const section = ({ path, method, op }: (typeof ops)[number]) => {
    const params = (op.parameters ?? [])
      .map((p) => {
        const example = p.example ?? p.schema?.example;
        const values = p.schema?.enum ? ` One of: ${p.schema.enum.join(', ')}.` : '';
        return `<tr><td><code>${esc(p.name)}</code></td><td>${p.required ? 'required' : 'optional'}</td><td>${esc(p.description)}${esc(values)}</td><td>${example === undefined ? '' : `<code>${esc(example)}</code>`}</td></tr>`;
      })
      .join('');
    const responses = Object.entries(op.responses ?? {})
      .map(
        ([status, r]) =>
          `<li><strong>${esc(status)}</strong> ${esc(r.description)} <small>(${esc(Object.keys(r.content ?? {}).join(', '))})</small></li>`,
      )
      .join('');
    return `<section><h2><code>${esc(method.toUpperCase())} ${esc(base + path)}</code></h2><p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
<table><thead><tr><th>Parameter</th><th></th><th>Meaning</th><th>Example</th></tr></thead><tbody>${params}</tbody></table><ul>${responses}</ul></section>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title><link rel="stylesheet" href="/styles.css"></head>
<body><main class="docs"><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="${esc(base)}/openapi.json">OpenAPI 3.1 document</a>. Dashboard: <a href="/">Sahel Pulse</a>.</p>
<p>Every data route answers JSON by default and CSV with <code>format=csv</code> or <code>Accept: text/csv</code>; supports <code>ETag</code>/<code>If-None-Match</code>; and takes <code>version</code> to pin a dataset version (cacheable for a year). Only GET, HEAD and OPTIONS are allowed; CORS is open.</p>
${ops.map(section).join('\n')}
</main></body></html>`;
}
