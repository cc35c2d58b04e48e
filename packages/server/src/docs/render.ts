import { escapeHtml as e } from '@cscx/success-report/html';
import { parse } from 'yaml';

/**
 * The API reference at /docs, rendered on the server from openapi.yaml: every operation with
 * its parameters, body and responses, and every schema with its properties. Offline by design:
 * no CDN, no script.
 */

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A small, safe subset of Markdown: the spec's descriptions use headings, lists, tables, code. */
export function markdown(text: string): string {
  const inline = (s: string) =>
    e(s)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  const out: string[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (/^#{1,6} /.test(line)) {
      const level = Math.min(6, (line.match(/^#+/)?.[0].length ?? 2) + 2);
      out.push(`<h${level}>${inline(line.replace(/^#+ /, ''))}</h${level}>`);
      i++;
    } else if (/^\s*- /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*(- |\s{2,}\S)/.test(lines[i] ?? '')) {
        const l = lines[i] ?? '';
        if (/^\s*- /.test(l)) items.push(l.replace(/^\s*- /, ''));
        else items[items.length - 1] += ` ${l.trim()}`;
        i++;
      }
      out.push(`<ul>${items.map((x) => `<li>${inline(x)}</li>`).join('')}</ul>`);
    } else if (/^\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|/.test(lines[i] ?? '')) {
        const cells = (lines[i] ?? '')
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        if (!cells.every((c) => /^-+$/.test(c))) rows.push(cells);
        i++;
      }
      const [head, ...body] = rows;
      out.push(
        `<table><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      while (
        i < lines.length &&
        (lines[i] ?? '').trim() !== '' &&
        !/^(#|\s*- |\|)/.test(lines[i] ?? '')
      ) {
        para.push((lines[i] ?? '').trim());
        i++;
      }
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

function refName(ref: unknown): string | null {
  return typeof ref === 'string' ? (ref.split('/').at(-1) ?? null) : null;
}

/** A schema's type in a few words, with links to named schemas. */
function typeOf(s: unknown): string {
  if (!isNode(s)) return '';
  const ref = refName(s.$ref);
  if (ref) return `<a href="#schema-${e(ref)}">${e(ref)}</a>`;
  if (Array.isArray(s.oneOf)) return s.oneOf.map(typeOf).join(' | ');
  if (Array.isArray(s.enum)) return s.enum.map((v) => `<code>${e(String(v))}</code>`).join(' | ');
  const t = Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? 'object');
  if (t.startsWith('array') && isNode(s.items)) return `array of ${typeOf(s.items)}`;
  return e(s.format ? `${t} (${String(s.format)})` : t);
}

export function renderDocs(specText: string): string {
  const spec = parse(specText) as Node;
  const info = (spec.info ?? {}) as Node;
  const components = (spec.components ?? {}) as Node;
  const params = (components.parameters ?? {}) as Record<string, Node>;
  const responses = (components.responses ?? {}) as Record<string, Node>;
  const schemas = (components.schemas ?? {}) as Record<string, Node>;
  const resolve = (n: Node, table: Record<string, Node>): Node => {
    const r = refName(n.$ref);
    return r && table[r] ? table[r] : n;
  };
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Node>)) {
    for (const method of ['get', 'post', 'put', 'delete']) {
      const op = item[method];
      if (!isNode(op)) continue;
      const id = String(op.operationId ?? `${method} ${path}`);
      toc.push(
        `<li><a href="#op-${e(id)}"><span class="m m-${method}">${method.toUpperCase()}</span> ${e(path)}</a> ${e(String(op.summary ?? ''))}</li>`,
      );
      const plist = ((op.parameters ?? []) as Node[]).map((p) => resolve(p, params));
      const prow = plist
        .map(
          (p) =>
            `<tr><td><code>${e(String(p.name))}</code></td><td>${e(String(p.in))}${p.required ? ' (required)' : ''}</td><td>${typeOf(p.schema)}</td><td>${markdown(String(p.description ?? ''))}</td></tr>`,
        )
        .join('');
      const body = isNode(op.requestBody)
        ? (op.requestBody.content as Node | undefined)
        : undefined;
      const bodySchema =
        body && isNode(body['application/json'])
          ? (body['application/json'] as Node).schema
          : undefined;
      const rrows = Object.entries((op.responses ?? {}) as Record<string, Node>)
        .map(([code, r]) => {
          const res = resolve(r, responses);
          const content = isNode(res.content) ? res.content : {};
          const types = Object.entries(content)
            .map(([type, m]) => `<code>${e(type)}</code> ${isNode(m) ? typeOf(m.schema) : ''}`)
            .join('<br>');
          return `<tr><td><strong>${e(code)}</strong></td><td>${markdown(String(res.description ?? ''))}</td><td>${types}</td></tr>`;
        })
        .join('');
      ops.push(`<section class="op" id="op-${e(id)}"><h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${e(path)}</code> <small>${e(id)}</small></h3>
<p><strong>${e(String(op.summary ?? ''))}</strong></p>${markdown(String(op.description ?? ''))}
${prow ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${prow}</tbody></table>` : ''}
${bodySchema ? `<h4>Request body</h4><p>${typeOf(bodySchema)}</p>` : ''}
<h4>Responses</h4><table><thead><tr><th>Status</th><th>Description</th><th>Body</th></tr></thead><tbody>${rrows}</tbody></table></section>`);
    }
  }
  const schemaHtml = Object.entries(schemas)
    .map(([name, s]) => {
      const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
      const props = isNode(s.properties) ? Object.entries(s.properties) : [];
      const rows = props
        .map(
          ([p, ps]) =>
            `<tr><td><code>${e(p)}</code>${required.has(p) ? ' <span class="req">required</span>' : ''}</td><td>${typeOf(ps)}</td><td>${isNode(ps) ? markdown(String(ps.description ?? '')) : ''}</td></tr>`,
        )
        .join('');
      const alt = Array.isArray(s.oneOf)
        ? `<p>One of: ${typeOf(s)}</p>`
        : Array.isArray(s.enum)
          ? `<p>Values: ${typeOf(s)}</p>`
          : '';
      return `<section class="schema" id="schema-${e(name)}"><h3>${e(name)}</h3>${markdown(String(s.description ?? ''))}${alt}${rows ? `<table><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>` : ''}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(String(info.title ?? 'API'))} ${e(String(info.version ?? ''))}: reference</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2430;margin:0}main{max-width:1040px;margin:0 auto;padding:24px 32px}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f2f4f7;padding:1px 4px;border-radius:3px}table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid #e1e5ea;padding:6px 8px;text-align:left;vertical-align:top}th{font-size:12px;color:#5b6675}td p{margin:0}
.op,.schema{border-top:1px solid #d9dee5;padding-top:8px;margin-top:24px}.m{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:1px 6px;font-weight:700}
.m-get{background:#1a7f43}.m-post{background:#2155c4}.m-put{background:#b25e00}.m-delete{background:#b3261e}small{color:#5b6675;font-weight:normal}.req{color:#b3261e;font-size:11px}
nav ul{columns:2;padding-left:18px}a{color:#2155c4}
</style></head><body><main>
<h1>${e(String(info.title ?? 'API'))} <small>${e(String(info.version ?? ''))}</small></h1>
<p>The machine-readable contract: <a href="/openapi.yaml">openapi.yaml</a>.</p>
<nav><h2>Operations</h2><ul>${toc.join('')}</ul></nav>
${markdown(String(info.description ?? ''))}
<h2>Operations</h2>${ops.join('\n')}
<h2>Schemas</h2>${schemaHtml}
</main></body></html>
`;
}
