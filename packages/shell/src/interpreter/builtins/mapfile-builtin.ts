/**
 * `mapfile` / `readarray`: read lines (records ending in the delimiter) from an fd into an indexed array.
 * The whole input is one observation: journaled and replayed as a unit.
 */
import type { Fds, Interpreter } from '../interpreter.js';
import { bufferedSource } from '../streams.js';
import { ATTR } from '../state.js';
import { fail } from './types.js';

export async function mapfileBuiltin(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const cmd = argv[0] ?? 'mapfile';
  let strip = false;
  let delim = '\n';
  let count = 0;
  let origin: number | null = null;
  let skip = 0;
  let fd = 0;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a.charAt(j);
      if (f === 't') {
        strip = true;
        continue;
      }
      if (!'dnOsuCc'.includes(f)) return fail(it, fds, `${cmd}: -${f}: invalid option`, 2);
      const rest = a.slice(j + 1);
      const value = rest !== '' ? rest : argv[++i];
      j = a.length;
      if (value === undefined) return fail(it, fds, `${cmd}: -${f}: option requires an argument`, 2);
      if (f === 'd') delim = value.charAt(0) || '\0';
      else if (f === 'n') count = Number(value);
      else if (f === 'O') origin = Number(value);
      else if (f === 's') skip = Number(value);
      else if (f === 'u') fd = Number(value);
    }
  }
  const name = argv[i] ?? 'MAPFILE';
  const entry = fds[fd];
  if (entry?.src === undefined) return fail(it, fds, `${cmd}: ${fd}: invalid file descriptor: Bad file descriptor`, 1);
  const src = bufferedSource(entry.src);
  fds[fd] = { ...entry, src };
  const text = await it.observe('read', async () => {
    const dec = new TextDecoder();
    let s = '';
    for (;;) {
      const chunk = await src.read();
      if (chunk === null) break;
      s += dec.decode(chunk, { stream: true });
    }
    return s + dec.decode();
  });
  const records: string[] = [];
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf(delim, at);
    const stop = end < 0 ? text.length : end + 1;
    const rec = text.slice(at, stop);
    records.push(strip && rec.endsWith(delim) ? rec.slice(0, -1) : rec);
    at = stop;
  }
  const lines = records.slice(skip, count > 0 ? skip + count : undefined);
  const old = it.st.vars.get(name);
  const a: (string | undefined)[] = origin === null ? [] : (old?.a?.slice() ?? []);
  lines.forEach((l, k) => {
    a[(origin ?? 0) + k] = l;
  });
  if (old !== undefined && (old.attrs & ATTR.readonly) !== 0) return fail(it, fds, `${cmd}: ${name}: readonly variable`, 1);
  it.st.vars.set(name, { attrs: ((old?.attrs ?? 0) | ATTR.indexed) & ~ATTR.assoc, a });
  return 0;
}
