/**
 * The durability journal: every observation the interpreter makes of the outside world (statuses of commands
 * it does not re-run, command-substitution outputs, glob results, input read by `read`/`source`, the clock,
 * `$RANDOM`) is appended through `observe`. A journal given to a new session is replayed: observations come
 * from it in order instead of being made, and output already delivered is not delivered again, until it is
 * used up; then the session goes live. Entries are plain data.
 */

export interface JournalEntry {
  kind: string;
  value: unknown;
  /** Bytes delivered on stdout and stderr when the observation completed. */
  pos: [number, number];
}

export interface JournalData {
  entries: JournalEntry[];
  /** Bytes of stdout and stderr delivered to the caller so far. */
  delivered: [number, number];
}

export class Journal {
  readonly data: JournalData;
  private cursor = 0;
  /** Output position of the replayed run, per stream. */
  private readonly virtualPos: [number, number] = [0, 0];
  private replayLimit: number;
  /** Called once when the replay has used up the journal. */
  onLive: (() => void) | null = null;

  constructor(data?: JournalData) {
    this.data = data ?? { entries: [], delivered: [0, 0] };
    this.replayLimit = data === undefined ? 0 : data.entries.length;
  }

  get replaying(): boolean {
    return this.cursor < this.replayLimit;
  }

  async observe<T>(kind: string, live: () => Promise<T>): Promise<T> {
    if (this.replaying) {
      const e = this.data.entries[this.cursor];
      if (e !== undefined && e.kind === kind) {
        this.cursor++;
        this.virtualPos[0] = Math.max(this.virtualPos[0], e.pos[0]);
        this.virtualPos[1] = Math.max(this.virtualPos[1], e.pos[1]);
        if (!this.replaying) this.goLive();
        return e.value as T;
      }
      // The script took another path than the journal records: everything from here is live.
      this.data.entries.length = this.cursor;
      this.goLive();
    }
    const value = await live();
    this.data.entries.push({ kind, value, pos: [this.data.delivered[0], this.data.delivered[1]] });
    return value;
  }

  observeSync<T>(kind: string, live: () => T): T {
    if (this.replaying) {
      const e = this.data.entries[this.cursor];
      if (e !== undefined && e.kind === kind) {
        this.cursor++;
        if (!this.replaying) this.goLive();
        return e.value as T;
      }
      this.data.entries.length = this.cursor;
      this.goLive();
    }
    const value = live();
    this.data.entries.push({ kind, value, pos: [this.data.delivered[0], this.data.delivered[1]] });
    return value;
  }

  private goLive(): void {
    this.replayLimit = 0;
    this.cursor = this.data.entries.length;
    const cb = this.onLive;
    this.onLive = null;
    cb?.();
  }

  /**
   * How much of a chunk of `n` bytes written on `stream` (0 stdout, 1 stderr) to deliver: the part past what
   * was delivered before. Counts delivered bytes when live.
   */
  deliver(stream: 0 | 1, n: number): number {
    const start = this.virtualPos[stream];
    this.virtualPos[stream] += n;
    const skip = Math.max(0, Math.min(n, this.data.delivered[stream] - start));
    this.data.delivered[stream] += n - skip;
    return n - skip;
  }

}
