/**
 * Locale-aware quoting of names in messages: LC_ALL, then LC_MESSAGES, then LANG decide; a UTF-8 locale gives
 * ‘name’, C/POSIX/unset gives 'name'. Checked on the helpers and end to end through builtins in a shell.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../interpreter/testing/run-shell.js';
import { localizeQuotes, messageLocale, quote } from './locale.js';

describe('message locale', () => {
  it('takes LC_ALL, then LC_MESSAGES, then LANG, skipping empty values', () => {
    expect(messageLocale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'C', LC_ALL: '' })).toBe('C');
    expect(messageLocale({ LANG: 'C.UTF-8', LC_ALL: 'POSIX' })).toBe('POSIX');
    expect(messageLocale({ LANG: 'de_DE.utf8' })).toBe('de_DE.utf8');
    expect(messageLocale({})).toBe('');
  });

  it('quotes with ‘’ only in a UTF-8 locale', () => {
    expect(quote('x', { LC_ALL: 'C.UTF-8' })).toBe('\u2018x\u2019');
    expect(quote('x', { LANG: 'en_GB.utf8' })).toBe('\u2018x\u2019');
    expect(quote('x', { LC_ALL: 'C' })).toBe("'x'");
    expect(quote('x', { LANG: 'en_US.ISO-8859-1' })).toBe("'x'");
    expect(quote('x', {})).toBe("'x'");
    expect(localizeQuotes('a \u2018b\u2019', { LC_ALL: 'POSIX' })).toBe("a 'b'");
    expect(localizeQuotes('a \u2018b\u2019', { LC_ALL: 'C.UTF-8' })).toBe('a \u2018b\u2019');
  });
});

describe('builtin messages follow the command environment', () => {
  it('mkdir and seq quote by locale', async () => {
    const c = await run('mkdir /d; mkdir /d');
    expect(c.stderr).toBe("mkdir: cannot create directory '/d': File exists\n");
    const u = await run('mkdir /d; LC_ALL=C.UTF-8 mkdir /d');
    expect(u.stderr).toBe('mkdir: cannot create directory \u2018/d\u2019: File exists\n');
    const lang = await run('unset LC_ALL; export LANG=C.UTF-8; seq 1 2 3 4');
    expect(lang.stderr).toContain('extra operand \u20184\u2019');
    const msgs = await run('unset LC_ALL; export LANG=C.UTF-8 LC_MESSAGES=C; seq 1 2 3 4');
    expect(msgs.stderr).toContain("extra operand '4'");
  });
});
