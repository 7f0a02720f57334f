/**
 * Turns a kernel exec's byte events into the API's text events. Each stream has its own streaming decoder,
 * so a UTF-8 character split across two chunks arrives whole.
 */
import type { ExecEvent as KernelExecEvent } from '@burrow/kernel';
import type { ExecEvent } from '@burrow/protocol';

export async function* textEvents(events: AsyncIterable<KernelExecEvent>): AsyncGenerator<ExecEvent> {
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  for await (const e of events) {
    if (e.type === 'exit') {
      for (const s of ['stdout', 'stderr'] as const) {
        const rest = decoders[s].decode();
        if (rest !== '') yield { type: s, data: rest };
      }
      yield { type: 'exit', exitCode: e.exitCode, ...(e.reason === undefined ? {} : { reason: e.reason }) };
      return;
    }
    const data = decoders[e.type].decode(e.data, { stream: true });
    if (data !== '') yield { type: e.type, data };
  }
}
