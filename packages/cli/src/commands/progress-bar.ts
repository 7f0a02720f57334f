/**
 * A one-line progress bar on a terminal's stderr, shown only for transfers past a size worth watching and
 * redrawn at most every 100 ms.
 */
const SHOW_FROM_BYTES = 1024 * 1024;
const REDRAW_MS = 100;
const WIDTH = 30;

const mib = (n: number): string => (n / (1024 * 1024)).toFixed(1);

export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly to: NodeJS.WritableStream) {}

  update(label: string, done: number, total: number | undefined): void {
    if (done < SHOW_FROM_BYTES && (total === undefined || total < SHOW_FROM_BYTES)) return;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS && done !== total) return;
    this.lastDraw = now;
    this.drawn = true;
    if (total === undefined || total === 0) {
      this.to.write(`\r${label} ${mib(done)} MiB`);
      return;
    }
    const filled = Math.round((WIDTH * Math.min(done, total)) / total);
    const pct = Math.floor((100 * done) / total);
    this.to.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${pct}% ${mib(done)}/${mib(total)} MiB`);
  }

  done(): void {
    if (this.drawn) this.to.write('\n');
    this.drawn = false;
  }
}
