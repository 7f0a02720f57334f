/**
 * The JavaScript runtime's limits, defined with every other limit in @burrow/protocol's limits.ts.
 */
export { JS_LIMITS } from '@burrow/protocol';
