/**
 * sha256sum, sha1sum, md5sum: print `HASH  NAME` for each input (stdin as `-`), hashing chunk by chunk, or
 * check listed sums with -c (`NAME: OK` / `NAME: FAILED`, with GNU's closing warnings; --quiet, --status).
 * --tag prints the BSD form.
 */
import { createHash } from 'node:crypto';
import { Errno, isKernelError } from '@burrow/protocol';
import type { ByteSource } from '../../sys.js';
import { options, runCommand } from '../fs-shared/command.js';
import { openInput, readText, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin, CommandContext } from '../types.js';

type Algorithm = 'sha256' | 'sha1' | 'md5' | 'sha512';

const HEX_LENGTH: Record<Algorithm, number> = { sha256: 64, sha1: 40, md5: 32, sha512: 128 };
const TAG: Record<Algorithm, string> = { sha256: 'SHA256', sha1: 'SHA1', md5: 'MD5', sha512: 'SHA512' };

async function digest(source: ByteSource, algo: Algorithm, checkAbort: () => void): Promise<string> {
  const h = createHash(algo);
  for (let c = await source.read(); c !== null; c = await source.read()) {
    checkAbort();
    h.update(c);
  }
  return h.digest('hex');
}

async function hashFile(ctx: CommandContext, name: string, algo: Algorithm, checkAbort: () => void): Promise<string> {
  const input = await openInput(ctx.sys, ctx.cwd, name, ctx.stdin);
  try {
    return await digest(input.source, algo, checkAbort);
  } finally {
    await input.close().catch(() => undefined);
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function hashBuiltin(algo: Algorithm): Builtin {
  return (ctx) =>
    runCommand(ctx, async (io) => {
      const parsed = await options(io, {
        short: 'bctwz',
        long: {
          binary: { key: 'b' },
          check: { key: 'c' },
          text: { key: 't' },
          tag: { key: 'tag' },
          quiet: { key: 'quiet' },
          status: { key: 'status' },
          warn: { key: 'w' },
          strict: { key: 'strict' },
          'ignore-missing': { key: 'ignore-missing' },
          zero: { key: 'z' },
        },
      });
      if (typeof parsed === 'number') return parsed;
      const keys = new Set(parsed.options.map((o) => o.key));
      const files = parsed.operands.length === 0 ? ['-'] : parsed.operands;
      const out = new TextOut(ctx.stdout);
      if (!keys.has('c')) {
        let ok = true;
        for (const name of files) {
          try {
            const hex = await hashFile(ctx, name, algo, io.checkAbort);
            if (keys.has('tag')) out.put(`${TAG[algo]} (${name}) = ${hex}\n`);
            else out.put(`${hex} ${keys.has('b') ? '*' : ' '}${name}\n`);
            await out.flush();
          } catch (err) {
            if (!isKernelError(err) || err.errno === Errno.PIPE) throw err;
            ok = false;
            await io.warn(`${name}: ${strerror(err)}`);
          }
        }
        await out.flush();
        return ok ? 0 : 1;
      }
      const quiet = keys.has('quiet');
      const status = keys.has('status');
      let failed = 0;
      let unreadable = 0;
      let bad = 0;
      let ok = true;
      for (const list of files) {
        let text: string;
        try {
          const input = await openInput(ctx.sys, ctx.cwd, list, ctx.stdin);
          try {
            text = await readText(input.source);
          } finally {
            await input.close().catch(() => undefined);
          }
        } catch (err) {
          if (!isKernelError(err)) throw err;
          await io.warn(`${list}: ${strerror(err)}`);
          ok = false;
          continue;
        }
        let good = 0;
        const n = HEX_LENGTH[algo];
        const plain = new RegExp(`^\\\\?([0-9a-fA-F]{${n}}) [ *](.+)$`);
        const tagged = new RegExp(`^${TAG[algo]} \\((.+)\\) = ([0-9a-fA-F]{${n}})$`);
        for (const line of text.split('\n')) {
          if (line === '' || line.startsWith('#')) continue;
          const m = plain.exec(line);
          const t = m === null ? tagged.exec(line) : null;
          if (m === null && t === null) {
            bad++;
            continue;
          }
          good++;
          const want = (m !== null ? m[1] : t?.[2]) ?? '';
          const name = (m !== null ? m[2] : t?.[1]) ?? '';
          let hex: string;
          try {
            hex = await hashFile(ctx, name, algo, io.checkAbort);
          } catch (err) {
            if (!isKernelError(err)) throw err;
            if (keys.has('ignore-missing')) continue;
            unreadable++;
            if (!status) {
              await out.flush();
              await io.warn(`${name}: ${strerror(err)}`);
              out.put(`${name}: FAILED open or read\n`);
            }
            continue;
          }
          if (hex.toLowerCase() === want.toLowerCase()) {
            if (!quiet && !status) out.put(`${name}: OK\n`);
          } else {
            failed++;
            if (!status) out.put(`${name}: FAILED\n`);
          }
        }
        if (good === 0) {
          await out.flush();
          await io.warn(`${list === '-' ? "'standard input'" : list}: no properly formatted checksum lines found`);
          ok = false;
        }
      }
      await out.flush();
      if (!status) {
        if (bad > 0 && failed + unreadable > 0) await io.warn(`WARNING: ${plural(bad, 'line is', 'lines are')} improperly formatted`);
        if (unreadable > 0) await io.warn(`WARNING: ${plural(unreadable, 'listed file', 'listed files')} could not be read`);
        if (failed > 0) await io.warn(`WARNING: ${plural(failed, 'computed checksum', 'computed checksums')} did NOT match`);
      }
      return ok && failed === 0 && unreadable === 0 ? 0 : 1;
    });
}

export const sha256sum: Builtin = hashBuiltin('sha256');
export const sha1sum: Builtin = hashBuiltin('sha1');
export const md5sum: Builtin = hashBuiltin('md5');
export const sha512sum: Builtin = hashBuiltin('sha512');
