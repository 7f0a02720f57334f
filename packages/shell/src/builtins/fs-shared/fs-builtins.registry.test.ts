import { describe, expect, it } from 'vitest';
import { fsBuiltins } from '../fs-builtins.js';

describe('fsBuiltins', () => {
  it('never shadows the interpreter builtins', () => {
    for (const name of ['true', 'false', 'echo', 'printf', 'test', '[', 'read', 'pwd', 'cd']) {
      expect(Object.hasOwn(fsBuiltins, name)).toBe(false);
    }
  });
  it('registers the file and system commands', () => {
    for (const name of ['cat', 'ls', 'find', 'xargs', 'cp', 'mv', 'rm', 'mkdir', 'stat', 'timeout', 'gzip', 'curl']) {
      expect(typeof fsBuiltins[name]).toBe('function');
    }
  });
});
