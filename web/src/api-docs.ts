/**
 * The API reference page's script (/api-docs.js; the page is rendered by the Worker, worker/docs.ts).
 * Each form sends its query (the filled fields; empty ones left out) to its route, JSON or CSV
 * by the button pressed, and shows the answer under the form: status, media type, the URL
 * asked (a link), and the body (JSON indented, CSV as it is). No framework, nothing from
 * another origin; the page's policy allows only this script and fetches to this origin.
 */

/** Bodies longer than this are cut in the page (the link gives the whole answer); the catalogue, indented, is about 80,000. */
const MAX_SHOWN = 500_000;

function queryOf(form: HTMLFormElement): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') q.append(k, v.trim());
  return q;
}

function show(box: HTMLElement, head: string, url: string, body: string): void {
  const p = document.createElement('p');
  p.className = 'status';
  p.textContent = `${head} · `;
  const a = document.createElement('a');
  a.href = url;
  a.textContent = url;
  p.append(a);
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  pre.textContent =
    body.length > MAX_SHOWN ? `${body.slice(0, MAX_SHOWN)}\n… (${body.length - MAX_SHOWN} more characters: open the link)` : body;
  box.replaceChildren(p, pre);
}

async function send(form: HTMLFormElement, action: string): Promise<void> {
  const box = form.querySelector<HTMLElement>('.answer');
  if (!box) return;
  const q = queryOf(form);
  const url = `${new URL(action, location.href).pathname}${q.size ? `?${q}` : ''}`;
  box.textContent = 'Sending…';
  form.setAttribute('aria-busy', 'true');
  try {
    const res = await fetch(url);
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
    const text = await res.text();
    let body = text;
    if (type.endsWith('json')) {
      try {
        body = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // Shown as it came.
      }
    }
    show(box, `${res.status} ${res.statusText} · ${type || 'no content type'}`, url, body);
    box.dataset.status = String(res.status);
    box.dataset.type = type;
  } catch (e) {
    show(box, 'The request failed', url, e instanceof Error ? e.message : String(e));
    box.dataset.status = 'error';
  } finally {
    form.removeAttribute('aria-busy');
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.try')) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const button = e.submitter;
    const action = (button instanceof HTMLButtonElement && button.getAttribute('formaction')) || form.getAttribute('action') || '';
    void send(form, action);
  });
}
