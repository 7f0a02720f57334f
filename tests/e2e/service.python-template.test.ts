/**
 * The server makes the Python template image once, caches it in its data directory and hands it to its
 * runners (which may not write files): sandboxes created after that start Python from it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@burrow/sdk';
import { App, createLogger } from '@burrow/server';
import { describe, expect, it } from 'vitest';

describe('python template image', () => {
  it('is cached in the data directory and used by runners', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'burrow-e2e-tpl-'));
    const app = new App({ dataDir, log: createLogger('warn') });
    const { port } = await app.listen(0, '127.0.0.1');
    try {
      const burrow = connect({ url: `http://127.0.0.1:${port}` });
      const first = await burrow.sandbox(`tpl-${process.pid}-a`);
      expect((await first.exec('echo up')).stdout).toBe('up\n');
      const cache = join(dataDir, 'cache', 'python');
      const deadline = Date.now() + 150_000;
      while (!(existsSync(cache) && readdirSync(cache).some((f) => f.endsWith('.image'))) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(readdirSync(cache).filter((f) => f.endsWith('.image'))).toHaveLength(1);
      const second = await burrow.sandbox(`tpl-${process.pid}-b`);
      const r = await second.exec('python3 -c "print(6 * 7)"', { timeoutMs: 120_000 });
      expect(r).toMatchObject({ exitCode: 0, stdout: '42\n' });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
