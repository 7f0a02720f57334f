/**
 * Finds the first output line that matches a pattern, for waitForLog. Patterns come from API callers and run
 * in the server process, so they are compiled with RE2 (linear time: no pattern can stall the server).
 * Lines longer than SERVICE_LIMITS.logLineBytesMax are tested in pieces of that size.
 */
import { burrowError, type ExecEvent, SERVICE_LIMITS } from '@burrow/protocol';
import { RE2JS } from 're2js';

export type StreamChoice = 'stdout' | 'stderr' | 'both';

export class LineMatcher {
  private readonly re: RE2JS;
  private readonly partial = { stdout: '', stderr: '' };

  constructor(
    pattern: string,
    private readonly stream: StreamChoice = 'both',
  ) {
    try {
      this.re = RE2JS.compile(pattern);
    } catch (e) {
      throw burrowError('bad_request', `pattern is not a valid RE2 expression: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The first matching line completed by this event, or null. At exit the unfinished lines are tested too. */
  feed(e: ExecEvent): string | null {
    if (e.type === 'exit') {
      for (const s of ['stdout', 'stderr'] as const) {
        const line = this.partial[s];
        if (line !== '' && this.wants(s) && this.test(line)) return line;
      }
      return null;
    }
    if (e.type === 'gap' || !this.wants(e.type)) return null;
    let text = this.partial[e.type] + e.data;
    for (;;) {
      const nl = text.indexOf('\n');
      if (nl < 0) break;
      const line = text.slice(0, nl);
      text = text.slice(nl + 1);
      if (this.test(line)) return line;
    }
    if (text.length > SERVICE_LIMITS.logLineBytesMax) {
      const piece = text;
      text = '';
      if (this.test(piece)) return piece;
    }
    this.partial[e.type] = text;
    return null;
  }

  private wants(s: 'stdout' | 'stderr'): boolean {
    return this.stream === 'both' || this.stream === s;
  }

  private test(line: string): boolean {
    return this.re.matcher(line).find();
  }
}
