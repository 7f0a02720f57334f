/**
 * `node` module loading through LocalKernel: CommonJS require, ES modules, node_modules packages, JSON,
 * TypeScript, fs/path round trips and child_process into the kernel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './javascript-node-helpers.js';
import { LocalKernel } from './local-host.js';

describe('node modules', () => {
  let k: LocalKernel;
  beforeAll(async () => {
    k = await LocalKernel.create();
    await k.fs.mkdir('/app/lib', { recursive: true });
    await k.fs.mkdir('/app/node_modules/pkg/dist', { recursive: true });
    await k.fs.writeFile('/app/lib/math.js', 'exports.add = (a, b) => a + b;\nexports.name = require("./data.json").name;');
    await k.fs.writeFile('/app/lib/data.json', '{ "name": "data" }');
    await k.fs.writeFile(
      '/app/node_modules/pkg/package.json',
      JSON.stringify({ name: 'pkg', exports: { '.': { import: './dist/index.mjs', require: './dist/index.cjs' } } }),
    );
    await k.fs.writeFile('/app/node_modules/pkg/dist/index.cjs', 'module.exports = { kind: "cjs" };');
    await k.fs.writeFile('/app/node_modules/pkg/dist/index.mjs', 'export const kind = "esm";');
  });
  afterAll(async () => {
    await k.close();
  });

  it('requires relative files, JSON and packages', async () => {
    await k.fs.writeFile(
      '/app/main.cjs',
      'const m = require("./lib/math"); const p = require("pkg"); console.log(m.add(2, 3), m.name, p.kind, require.resolve("pkg"));',
    );
    const r = await runNode(k, ['/app/main.cjs']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('5 data cjs /app/node_modules/pkg/dist/index.cjs\n');
  });

  it('imports ES modules, CommonJS files, packages and built-ins', async () => {
    await k.fs.writeFile('/app/lib/util.mjs', 'export default function twice(x) { return 2 * x; }\nexport const k = 1;');
    await k.fs.writeFile(
      '/app/main.mjs',
      'import twice, { k } from "./lib/util.mjs"; import { add } from "./lib/math.js"; import { kind } from "pkg";\n' +
        'import { join } from "node:path"; import fs from "fs";\n' +
        'const top = await Promise.resolve("tla");\n' +
        'console.log(twice(21), k, add(1, 1), kind, join("/a", "b"), typeof fs.readFileSync, top);',
    );
    const r = await runNode(k, ['/app/main.mjs']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('42 1 2 esm /a/b function tla\n');
  });

  it('runs TypeScript files after type stripping, importing TypeScript siblings', async () => {
    await k.fs.writeFile('/app/lib/shape.ts', 'export interface Shape { w: number; h: number }\nexport const area = (s: Shape): number => s.w * s.h;');
    await k.fs.writeFile(
      '/app/main.ts',
      'import { area, type Shape } from "./lib/shape.js";\nconst s: Shape = { w: 3, h: 4 };\nenum E { A = 5 }\nconsole.log(area(s) as number, E.A);',
    );
    const r = await runNode(k, ['/app/main.ts']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('12 5\n');
  });

  it('writes, reads, lists and removes files with fs and path', async () => {
    const code = `
      const fs = require('fs'), path = require('path');
      fs.mkdirSync('/tmp/x/y', { recursive: true });
      fs.writeFileSync(path.join('/tmp/x/y', 'a.txt'), 'héllo');
      fs.appendFileSync('/tmp/x/y/a.txt', '!');
      const st = fs.statSync('/tmp/x/y/a.txt');
      console.log(fs.readFileSync('/tmp/x/y/a.txt', 'utf8'), st.size, st.isFile(), fs.readdirSync('/tmp/x'));
      try { fs.readFileSync('/tmp/none'); } catch (e) { console.log(e.code, e.syscall, e.path); }
      fs.promises.readFile('/tmp/x/y/a.txt', 'utf8').then((s) => { console.log('p', s); fs.rmSync('/tmp/x', { recursive: true }); console.log(fs.existsSync('/tmp/x')); });
    `;
    const r = await runNode(k, ['-e', code]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('héllo! 7 true [ \'y\' ]\nENOENT open /tmp/none\np héllo!\nfalse\n');
  });

  it('runs children with child_process', async () => {
    const code = `
      const cp = require('child_process');
      console.log(cp.execSync('node -p 6*7').toString().trim());
      const r = cp.spawnSync('node', ['-e', 'process.stderr.write("e"); process.exit(4)']);
      console.log(r.status, r.stderr.toString());
      cp.exec('node -e "console.log(process.argv.length)"', (err, out) => console.log('exec', err, out.trim()));
    `;
    const r = await runNode(k, ['-e', code]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('42\n4 e\nexec null 1\n');
  });

  it('has crypto, Buffer, URL and TextEncoder', async () => {
    const code = `
      const c = require('crypto');
      console.log(c.createHash('sha256').update('abc').digest('hex').slice(0, 16), /^[0-9a-f-]{36}$/.test(crypto.randomUUID()));
      console.log(Buffer.from('hi').toString('base64'), new URL('../b?x=1#h', 'http://h.com/a/c').href, new TextEncoder().encode('é').length);
    `;
    const r = await runNode(k, ['-e', code]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ba7816bf8f01cfea true\naGk= http://h.com/b?x=1#h 2\n');
  });
});
