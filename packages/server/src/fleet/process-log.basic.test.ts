/**
 * ProcessLog: ordered, bounded, followable; a follower that falls behind is told how much it missed.
 */
import { describe, expect, it } from 'vitest';
import { LineMatcher } from './line-matcher.js';
import { ProcessLog } from './process-log.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function collect(log: ProcessLog): Promise<string[]> {
  const out: string[] = [];
  for await (const e of log.follow()) out.push(e.type === 'exit' ? `exit:${e.exitCode}` : e.type === 'gap' ? `gap:${e.bytes}` : `${e.type}:${e.data}`);
  return out;
}

describe('ProcessLog', () => {
  it('keeps output in order and ends followers with the exit', async () => {
    const log = new ProcessLog(1024);
    log.append('stdout', bytes('a'));
    log.append('stderr', bytes('b'));
    const followed = collect(log);
    log.append('stdout', bytes('c'));
    log.finish({ exitCode: 2 });
    expect(await followed).toEqual(['stdout:a', 'stderr:b', 'stdout:c', 'exit:2']);
    expect(log.text()).toEqual({ stdout: 'ac', stderr: 'b', droppedBytes: 0 });
  });

  it('drops the oldest output past its limit and reports the gap to new followers', async () => {
    const log = new ProcessLog(10);
    for (let i = 0; i < 5; i++) log.append('stdout', bytes(`${i}1234`));
    log.finish({ exitCode: 0 });
    expect(log.outputBytes).toBe(25);
    expect(log.droppedBytes).toBe(15);
    expect(log.text().stdout).toBe('3123441234');
    expect(await collect(log)).toEqual(['gap:15', 'stdout:31234', 'stdout:41234', 'exit:0']);
  });

  it('keeps a character split across chunks whole', () => {
    const log = new ProcessLog();
    const e = bytes('é');
    log.append('stdout', e.subarray(0, 1));
    log.append('stdout', e.subarray(1));
    expect(log.text().stdout).toBe('é');
  });

  it('stops a follower when its signal aborts', async () => {
    const log = new ProcessLog();
    const stop = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const ev of log.follow(stop.signal)) if (ev.type === 'stdout') seen.push(ev.data);
    })();
    log.append('stdout', bytes('x'));
    await new Promise((r) => setTimeout(r, 5));
    stop.abort();
    await done;
    expect(seen).toEqual(['x']);
    expect(log.exit).toBeNull();
  });
});

describe('LineMatcher', () => {
  it('matches whole lines across chunks, on the chosen stream', () => {
    const m = new LineMatcher('ready on (\\d+)', 'stdout');
    expect(m.feed({ type: 'stdout', data: 'starting\nready o' })).toBeNull();
    expect(m.feed({ type: 'stderr', data: 'ready on 1\n' })).toBeNull();
    expect(m.feed({ type: 'stdout', data: 'n 80\nmore' })).toBe('ready on 80');
  });

  it('tests an unfinished last line at exit, and refuses an invalid pattern', () => {
    const m = new LineMatcher('done$');
    expect(m.feed({ type: 'stdout', data: 'all done' })).toBeNull();
    expect(m.feed({ type: 'exit', exitCode: 0 })).toBe('all done');
    expect(() => new LineMatcher('(')).toThrow(/RE2/);
  });
});
