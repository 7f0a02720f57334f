import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { encodeHeader } from '../tar/tar-header.js';
import { file } from './file.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const tarHeader = encodeHeader({
  name: 'a',
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  uname: 'root',
  gname: 'root',
  size: 0,
  mtimeMs: 0,
  linkName: '',
  typeflag: '0',
});

// Each input with the description file 5.44 printed for the same bytes.
const CASES: Array<[string, Uint8Array | string, string]> = [
  ['empty', '', 'empty'],
  ['ascii', 'hello\n', 'ASCII text'],
  ['utf8', 'h\u00e9llo\n', 'Unicode text, UTF-8 text'],
  ['bom', '\ufeffhi\n', 'Unicode text, UTF-8 (with BOM) text'],
  ['latin1', bytes('caf', [0xe9], '\n'), 'ISO-8859 text'],
  ['crlf', 'a\r\nb\r\n', 'ASCII text, with CRLF line terminators'],
  ['cr', 'a\rb\r', 'ASCII text, with CR line terminators'],
  ['u8crlf', 'h\u00e9llo\r\n', 'Unicode text, UTF-8 text, with CRLF line terminators'],
  ['nonl', 'no newline', 'ASCII text, with no line terminators'],
  ['l300', `${'y'.repeat(300)}\n`, 'ASCII text'],
  ['l301', `${'y'.repeat(301)}\n`, 'ASCII text, with very long lines (301)'],
  ['tabs', 'a\tb\n', 'ASCII text'],
  ['script.sh', '#!/bin/sh\necho hi\n', 'POSIX shell script, ASCII text executable'],
  ['bashs', '#!/bin/bash\necho\n', 'Bourne-Again shell script, ASCII text executable'],
  ['py', '#!/usr/bin/env python3\nprint(1)\n', 'Python script, ASCII text executable'],
  ['nodes', '#!/usr/bin/env node\n', 'Node.js script executable, ASCII text'],
  ['perls', '#!/usr/bin/perl\n', 'Perl script text executable'],
  ['j.json', '{"a": [1, 2]}\n', 'JSON text data'],
  ['arr', '[1,2]\n', 'JSON text data'],
  ['badjson', '{bad\n', 'ASCII text'],
  ['bin', bytes([1, 2, 3, 0xff, 0xfe]), 'data'],
  ['nul', bytes('a', [0], 'b\n'), 'data'],
  ['elf', bytes('\x7fELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]), 'ELF 64-bit LSB executable, x86-64, (SYSV)'],
  ['elf32', bytes('\x7fELF', [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 3, 0]), 'ELF 32-bit LSB shared object, Intel 80386, (SYSV)'],
  ['w.wasm', bytes('\0asm', [1, 0, 0, 0]), 'WebAssembly (wasm) binary module version 0x1 (MVP)'],
  ['g.gz', Buffer.from('H4sIAAAAAAAAA8vIBACsKpPYAgAAAA==', 'base64'), 'gzip compressed data, from Unix, original size modulo 2^32 2'],
  [
    'hi.gz',
    Buffer.from('H4sICM2mC2sAA2hpAMvIBACsKpPYAgAAAA==', 'base64'),
    'gzip compressed data, was "hi", last modified: Sun Nov 29 04:15:09 2026, from Unix, original size modulo 2^32 2',
  ],
  ['z.zip', bytes('PK', [3, 4, 0x14, 0, 0, 0, 0, 0]), 'Zip archive data, at least v2.0 to extract, compression method=store'],
  ['t.tar', tarHeader, 'POSIX tar archive'],
  [
    'p.png',
    bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR', [0, 0, 0, 16, 0, 0, 0, 32, 8, 6, 0, 0, 0]),
    'PNG image data, 16 x 32, 8-bit/color RGBA, non-interlaced',
  ],
  [
    'j.jpg',
    bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    'JPEG image data, JFIF standard 1.01, aspect ratio, density 1x1, segment length 16',
  ],
  ['d.pdf', bytes('%PDF-1.4\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n'), 'PDF document, version 1.4'],
];

describe('file', () => {
  it.each(CASES)('describes %s as file 5.44 does', async (name, content, expected) => {
    const sys = createMemorySys({ [`/f/${name}`]: typeof content === 'string' ? utf8(content) : content });
    const r = await runBuiltin(file, ['file', '-b', name], { sys, cwd: '/f' });
    expect(r).toEqual({ exitCode: 0, stdout: `${expected}\n`, stderr: '' });
  });
  it('aligns names, describes directories and links, and reports unreadable names on stdout', async () => {
    const sys = createMemorySys({ '/f/ascii': 'hello\n', '/f/dir/': '' });
    await sys.symlink('ascii', '/f/link');
    await sys.symlink('nowhere', '/f/broken');
    const r = await runBuiltin(file, ['file', 'ascii', 'dir', 'link', 'broken', 'nope'], { sys, cwd: '/f' });
    expect(r).toEqual({
      exitCode: 0,
      stdout:
        'ascii:  ASCII text\ndir:    directory\nlink:   symbolic link to ascii\n' +
        "broken: broken symbolic link to nowhere\nnope:   cannot open `nope' (No such file or directory)\n",
      stderr: '',
    });
    expect((await runBuiltin(file, ['file', '-L', 'link'], { sys, cwd: '/f' })).stdout).toBe('link: ASCII text\n');
  });
  it('reads stdin for -', async () => {
    const r = await runBuiltin(file, ['file', '-'], { stdin: 'x\n' });
    expect(r.stdout).toBe('/dev/stdin: ASCII text\n');
  });
});
