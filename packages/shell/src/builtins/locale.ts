/**
 * The message locale of a command, as GNU tools pick it: LC_ALL, then LC_MESSAGES, then LANG, the first one
 * set and non-empty wins. A UTF-8 locale quotes names in messages as ‘name’; C, POSIX, unset or any other
 * charset quotes them as 'name'. Builtins write their messages in the UTF-8 form (`quote` with a UTF-8 env,
 * or `q` in fs-shared/command.ts), and the command frame passes every stderr line through `localizeQuotes`
 * with the command's environment, so one function decides for all of them.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** The locale name that governs messages (LC_ALL > LC_MESSAGES > LANG); '' when none is set. */
export function messageLocale(env: Env): string {
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[k];
    if (v !== undefined && v !== '') return v;
  }
  return '';
}

/** True when messages use the typographic quotes ‘…’ (a UTF-8 locale). */
export function utf8Quotes(env: Env): boolean {
  return /\.(utf-?8)(@|$)/i.test(messageLocale(env));
}

/** GNU's quote() of a name in a message, for this environment. */
export function quote(s: string, env: Env): string {
  return utf8Quotes(env) ? `\u2018${s}\u2019` : `'${s}'`;
}

/** Turn the ‘…’ quotes of a message written in the UTF-8 form into what the environment's locale shows. */
export function localizeQuotes(text: string, env: Env): string {
  if (utf8Quotes(env) || !/[\u2018\u2019]/.test(text)) return text;
  return text.replace(/[\u2018\u2019]/g, "'");
}
