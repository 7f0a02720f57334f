/**
 * The date strings of `date -d` and `touch -d`, in UTC: `@SECONDS`, ISO 8601 dates and times (`2024-01-15`,
 * `2024-01-15 10:30[:45[.frac]]`, `T` separator, `Z` or `±hh:mm` zone), `now`, `today`, `yesterday`,
 * `tomorrow`, relative items (`3 days ago`, `+2 hours`, `1 week`, `next month`), combinations of a date and
 * relative items, and what JavaScript's Date understands (`Jan 15 2024 10:00`) read as UTC.
 */

const UNIT_MS: Record<string, number> = {
  sec: 1000,
  second: 1000,
  min: 60_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  fortnight: 1_209_600_000,
};

/** Milliseconds since the epoch, or undefined when `text` is not understood. */
export function parseDate(text: string, nowMs: number): number | undefined {
  let s = text.trim().toLowerCase();
  if (s === '' || s === 'now') return nowMs;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/u.exec(s);
  if (epoch !== null) return Math.round(Number(epoch[1]) * 1000);
  let base: number | undefined;
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?/u.exec(s);
  if (iso !== null) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0));
    if (frac !== undefined) base += Math.round(Number(`0.${frac}`) * 1000);
    if (zone !== undefined && zone !== 'z' && zone !== 'utc') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      base -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    s = s.slice(iso[0].length).trim();
  } else {
    const day = Math.floor(nowMs / 86_400_000) * 86_400_000;
    const words: Record<string, number> = { today: day, yesterday: day - 86_400_000, tomorrow: day + 86_400_000 };
    const word = /^(today|yesterday|tomorrow)\b/u.exec(s);
    if (word !== null) {
      base = (words[word[1] ?? ''] ?? day) + (nowMs - day);
      s = s.slice(word[0].length).trim();
    }
  }
  if (s === '') return base;
  const relative = applyRelative(s, base ?? nowMs);
  if (relative !== undefined) return relative;
  if (base !== undefined) return undefined;
  const fallback = Date.parse(/[a-z]{3,}|\d:\d/u.test(s) && !/(z|gmt|utc|[+-]\d{4})$/u.test(s) ? `${text} UTC` : text);
  return Number.isNaN(fallback) ? undefined : fallback;
}

function applyRelative(text: string, from: number): number | undefined {
  let t = from;
  let rest = text;
  const item = /^(?:([+-]?\s*\d+)\s*|(next|last|this)\s+)?(sec|second|min|minute|hour|day|week|fortnight|month|year)s?\b\s*(ago)?\s*/u;
  let matched = false;
  while (rest !== '') {
    const m = item.exec(rest);
    if (m === null) return undefined;
    matched = true;
    let n = m[1] !== undefined ? Number(m[1].replace(/\s+/gu, '')) : m[2] === 'last' ? -1 : m[2] === 'this' ? 0 : 1;
    if (m[4] !== undefined) n = -n;
    const unit = m[3] ?? '';
    if (unit === 'month' || unit === 'year') {
      const d = new Date(t);
      if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
      else d.setUTCFullYear(d.getUTCFullYear() + n);
      t = d.getTime();
    } else t += n * (UNIT_MS[unit] ?? 0);
    rest = rest.slice(m[0].length);
  }
  return matched ? t : undefined;
}

/** touch -t's `[[CC]YY]MMDDhhmm[.ss]`. */
export function parseTouchStamp(text: string, nowMs: number): number | undefined {
  const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/u.exec(text);
  if (m === null) return undefined;
  const [, yearText, mo, d, h, mi, sec] = m;
  let year = new Date(nowMs).getUTCFullYear();
  if (yearText !== undefined) {
    year = Number(yearText);
    if (yearText.length === 2) year += year < 69 ? 2000 : 1900;
  }
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 60) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(sec ?? 0));
}
