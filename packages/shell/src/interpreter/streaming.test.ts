// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
import { describe, expect, it } from 'vitest';
import { builtins } from '../builtins/index.js';
import { controls, until } from './testing/controls.js';
import { Collect, makeShell } from './testing/run-shell.js';

function setup() {
  const c = controls();
  const { shell } = makeShell({ builtins: { ...builtins, ...c.builtins } });
  return { c, shell };
}

describe('streaming', () => {
  it('delivers the first output before the command ends', async () => {
    const { c, shell } = setup();
    const out = new Collect();
    let done = false;
    const p = shell.exec('echo first; gate; echo last', { stdout: out, stderr: new Collect() }).then((r) => {
      done = true;
      return r;
    });
    await until(() => out.text() === 'first\n');
    expect(done).toBe(false);
    c.release();
    expect((await p).exitCode).toBe(0);
    expect(out.text()).toBe('first\nlast\n');
  });

  it('streams through pipeline stages while the writer still runs', async () => {
    const { c, shell } = setup();
    const out = new Collect();
    const p = shell.exec('emit a --gate b | cat | cat', { stdout: out, stderr: new Collect() });
    await until(() => out.text() === 'a\n');
    c.release();
    await p;
    expect(out.text()).toBe('a\nb\n');
  });

  it('ends an endless writer when its reader exits', async () => {
    const { c, shell } = setup();
    const out = new Collect();
    const r = await shell.exec('spew | head -c 5; echo " ${PIPESTATUS[@]}"', { stdout: out, stderr: new Collect() });
    expect(r.exitCode).toBe(0);
    expect(out.text()).toBe('yyyyy 141 0\n');
    expect(c.spewDone()).toBe(true);
  });

  it('stops a shell loop writing into a closed pipe', async () => {
    const { shell } = setup();
    const out = new Collect();
    const r = await shell.exec('while true; do echo y; done | head -n 2', { stdout: out, stderr: new Collect() });
    expect(r.exitCode).toBe(0);
    expect(out.text()).toBe('y\ny\n');
  });

  it('applies backpressure to a writer whose reader does not read', async () => {
    const { c, shell } = setup();
    const p = shell.exec('spew | gate', { stdout: new Collect(), stderr: new Collect() });
    await until(() => c.spewed() > 0);
    await new Promise((r) => setTimeout(r, 30));
    expect(c.spewed()).toBeLessThanOrEqual(64 * 1024 + 4096);
    c.release();
    await p;
    expect(c.spewDone()).toBe(true);
  });
});
