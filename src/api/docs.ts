/** A self-contained API docs page rendered from the OpenAPI document (no scripts, no CDN). */

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { type?: string; enum?: string[] };
  }[];
  requestBody?: unknown;
}

function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function docsPage(doc: unknown): string {
  const d = doc as OpenApiDoc;
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(d.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${esc(p.name)}</code> <small>(${esc(p.in)}${p.required ? ', required' : ''}${p.schema?.enum ? `: ${esc(p.schema.enum.join(' | '))}` : ''})</small> ${esc(p.description ?? '')}</li>`,
        )
        .join('');
      rows.push(
        `<section><h2><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2><p>${esc(op.summary ?? '')}</p>${params ? `<ul>${params}</ul>` : ''}${op.requestBody ? '<p><small>JSON body: see <a href="/openapi.json">/openapi.json</a></small></p>' : ''}</section>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(d.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{font-size:1.05rem;margin:1.5rem 0 .3rem}.m{display:inline-block;min-width:4rem;font-weight:600}
code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}section{border-top:1px solid #ddd}</style></head>
<body><h1>${esc(d.info.title)} <small>${esc(d.info.version)}</small></h1><p>${esc(d.info.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3). Lists are paginated by cursor: pass the <code>next</code> value back as <code>cursor</code>.</p>
${rows.join('\n')}</body></html>`;
}
