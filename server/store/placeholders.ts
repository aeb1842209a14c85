/**
 * Rewrites the common dialect's placeholders (`?` in order, or `:name`) to
 * PostgreSQL's `$1, $2, …`, skipping quoted text and `::type` casts. Returns
 * the text and, for named parameters, the name behind each number.
 */
export interface Numbered {
  text: string;
  names: string[] | null;
}

export function numberPlaceholders(sql: string): Numbered {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (quote) {
      out += c;
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c === '?') {
      out += `$${++positional}`;
      continue;
    }
    if (c === ':' && sql[i + 1] === ':') {
      out += '::';
      i += 1;
      continue;
    }
    const name = c === ':' ? /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))?.[0] : undefined;
    if (name) {
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i += name.length;
      continue;
    }
    out += c;
  }
  if (positional > 0 && names.length > 0) throw new Error('a statement mixes ? and :name placeholders');
  return { text: out, names: names.length > 0 ? names : null };
}
