/**
 * Controllable builtins for streaming, job and signal tests: `gate` blocks until released (or its signal
 * fires), `spew` writes forever until its reader goes away, `emit` writes its arguments with a gate between.
 */
import { writeText } from '../../builtins/io.js';
import type { Builtin } from '../../builtins/types.js';

export interface Controls {
  builtins: Record<string, Builtin>;
  release(): void;
  /** Bytes `spew` has written so far. */
  spewed(): number;
  /** Whether `spew` has ended. */
  spewDone(): boolean;
}

export function controls(): Controls {
  let opened: () => void = () => {};
  let gate = new Promise<void>((r) => {
    opened = r;
  });
  let spewed = 0;
  let spewDone = false;
  const waitGate = (signal: AbortSignal) =>
    new Promise<number>((resolve) => {
      if (signal.aborted) resolve(1);
      signal.addEventListener('abort', () => resolve(1), { once: true });
      gate.then(() => resolve(0));
    });
  return {
    builtins: {
      gate: (ctx) => waitGate(ctx.signal),
      spew: async (ctx) => {
        const chunk = new Uint8Array(4096).fill(121);
        try {
          for (;;) {
            await ctx.stdout.write(chunk);
            spewed += chunk.length;
          }
        } catch {
          return 141;
        } finally {
          spewDone = true;
        }
      },
      emit: async (ctx) => {
        for (const a of ctx.argv.slice(1)) {
          if (a === '--gate') await waitGate(ctx.signal);
          else await writeText(ctx.stdout, `${a}\n`);
        }
        return 0;
      },
    },
    release: () => {
      opened();
      gate = new Promise<void>((r) => {
        opened = r;
      });
    },
    spewed: () => spewed,
    spewDone: () => spewDone,
  };
}

/** Resolve once `predicate` holds, polling the event loop. */
export async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 2));
  }
}
