/**
 * Record input and redirected output of awk. A RecordReader splits a byte stream into records by RS (one
 * character, paragraph mode for "", or a regex) and answers synchronously while its buffer holds a whole
 * record, so the main loop awaits only when it needs more bytes. Redirected output (> >> |) is gathered per
 * destination and written when flushed or closed.
 */
import { compileRegex } from '../../regex/compile-regex.js';
import type { ByteSource } from '../../sys.js';

export const NEED_MORE: unique symbol = Symbol('need more input');

/** Characters kept before the consumed part of the buffer is dropped. */
const COMPACT_CHARS = 1 << 16;

export class RecordReader {
  private buf = '';
  private pos = 0;
  private eof = false;
  private readonly dec = new TextDecoder();
  /** The text that ended the last record (gawk's RT). */
  rt = '';

  constructor(private readonly source: ByteSource) {}

  /** The next record, null at the end, or NEED_MORE when `fill` must be awaited first. */
  take(rs: string): string | null | typeof NEED_MORE {
    const buf = this.buf;
    if (rs.length === 1 && rs !== '') {
      const idx = buf.indexOf(rs, this.pos);
      if (idx !== -1) {
        const rec = buf.slice(this.pos, idx);
        this.pos = idx + 1;
        this.rt = rs;
        return rec;
      }
      return this.rest();
    }
    if (rs === '') return this.paragraph();
    const re = compileRegex(rs, { syntax: 'awk' });
    let from = this.pos;
    for (;;) {
      const m = re.exec(buf, from);
      if (m === null) return this.rest();
      const s = m[0] as number;
      const e = m[1] as number;
      if (e === s) {
        from = s + 1;
        if (from > buf.length) return this.rest();
        continue;
      }
      if (e === buf.length && !this.eof) return NEED_MORE;
      const rec = buf.slice(this.pos, s);
      this.rt = buf.slice(s, e);
      this.pos = e;
      return rec;
    }
  }

  private rest(): string | null | typeof NEED_MORE {
    if (!this.eof) return NEED_MORE;
    if (this.pos >= this.buf.length) return null;
    const rec = this.buf.slice(this.pos);
    this.pos = this.buf.length;
    this.rt = '';
    return rec;
  }

  private paragraph(): string | null | typeof NEED_MORE {
    const buf = this.buf;
    let p = this.pos;
    while (p < buf.length && buf.charCodeAt(p) === 10) p++;
    if (p >= buf.length) {
      if (!this.eof) return NEED_MORE;
      this.pos = p;
      return null;
    }
    const re = /\n\n+/g;
    re.lastIndex = p;
    const m = re.exec(buf);
    if (m === null || (m.index + m[0].length === buf.length && !this.eof)) {
      if (!this.eof) return NEED_MORE;
      const rec = buf.slice(p).replace(/\n+$/, '');
      this.rt = buf.slice(p + rec.length);
      this.pos = buf.length;
      return rec;
    }
    this.pos = m.index + m[0].length;
    this.rt = m[0];
    return buf.slice(p, m.index);
  }

  async fill(): Promise<void> {
    if (this.eof) return;
    const chunk = await this.source.read();
    if (this.pos > COMPACT_CHARS) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    if (chunk === null) {
      this.eof = true;
      this.buf += this.dec.decode();
      return;
    }
    this.buf += this.dec.decode(chunk, { stream: true });
  }

  /** The next record, reading as needed. */
  async next(rs: string): Promise<string | null> {
    for (;;) {
      const r = this.take(rs);
      if (r !== NEED_MORE) return r;
      await this.fill();
    }
  }
}

export interface Destination {
  kind: 'file' | 'append' | 'pipe';
  parts: string[];
  /** The file is still to be truncated on its first write. */
  truncate: boolean;
}
