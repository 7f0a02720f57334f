/**
 * Benchmark helpers: timing loops, percentiles and a table printer. Benchmarks print medians and ratios
 * against a named baseline; tests never assert on time.
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samplesMs) {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), min: s[0], max: s[s.length - 1] };
}

/** Runs `fn` `warmup` times untimed, then `n` times timed; returns per-call milliseconds. */
export async function sample(fn, { n, warmup = Math.ceil(n / 10) }) {
  for (let i = 0; i < warmup; i++) await fn();
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export function fmtMs(ms) {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  return `${ms.toFixed(2)} ms`;
}

export function row(cells) {
  return `| ${cells.join(' | ')} |`;
}
