/**
 * chmod-style mode expressions: octal (`755`, `0644`, `4755`) or symbolic clauses separated by commas
 * (`u+x`, `go-w`, `a=rX`, `u=g`, `+t`). Without a who-list, symbolic changes are masked by the umask, as
 * POSIX says; Burrow's umask is 022. `X` adds execute only for directories or when some execute bit is set.
 */

export const UMASK = 0o022;

/** The mode that `spec` makes from `base`; undefined if `spec` is malformed. */
export function applyMode(spec: string, base: number, isDir: boolean, umask = UMASK): number | undefined {
  if (/^[0-7]+$/u.test(spec)) {
    const value = Number.parseInt(spec, 8);
    if (value > 0o7777) return undefined;
    // GNU keeps a directory's setuid/setgid bits unless the octal number has five or more digits.
    if (isDir && spec.length < 5) return value | (base & 0o6000);
    return value;
  }
  let mode = base & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*|[-+=][ugo])+)$/u.exec(clause);
    if (m === null) return undefined;
    const who = m[1] ?? '';
    let whoMask = 0;
    if (who === '') whoMask = 0o7777;
    if (who.includes('u') || who.includes('a')) whoMask |= 0o4700;
    if (who.includes('g') || who.includes('a')) whoMask |= 0o2070;
    if (who.includes('o') || who.includes('a')) whoMask |= 0o1007;
    const mask = who === '' ? ~umask & 0o7777 : 0o7777;
    for (const action of (m[2] ?? '').matchAll(/([-+=])([rwxXst]*|[ugo])/gu)) {
      const op = action[1] ?? '';
      const perms = action[2] ?? '';
      let bits = 0;
      if (perms === 'u' || perms === 'g' || perms === 'o') {
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
        const trio = (mode >> shift) & 7;
        bits = (trio << 6) | (trio << 3) | trio;
      } else {
        for (const p of perms) {
          if (p === 'r') bits |= 0o444;
          else if (p === 'w') bits |= 0o222;
          else if (p === 'x') bits |= 0o111;
          else if (p === 'X' && (isDir || (mode & 0o111) !== 0)) bits |= 0o111;
          else if (p === 's') bits |= 0o6000;
          else if (p === 't') bits |= 0o1000;
        }
      }
      bits &= whoMask & mask;
      if (op === '+') mode |= bits;
      else if (op === '-') mode &= ~bits;
      else {
        // `=` clears the who-list's bits (all but a directory's set-id bits) before setting.
        const clear = whoMask & (isDir ? ~0o6000 : 0o7777);
        mode = (mode & ~clear) | bits;
      }
    }
  }
  return mode & 0o7777;
}
