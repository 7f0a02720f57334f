/** The shell's limits, from @burrow/protocol (one place for every limit in the system). */
import { SHELL_LIMITS } from '@burrow/protocol';

export { SHELL_LIMITS };
export type ShellLimits = { -readonly [K in keyof typeof SHELL_LIMITS]: number };
