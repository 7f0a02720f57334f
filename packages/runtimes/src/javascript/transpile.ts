/**
 * TypeScript type stripping with sucrase (pure JS: runners forbid native addons and code generation from
 * strings). Loaded on first use, synchronously, because module loading in QuickJS is synchronous.
 * ES module syntax is kept for the ES loader; CommonJS loading also converts imports to `require`.
 */
import { createRequire } from 'node:module';

interface Sucrase {
  transform(code: string, opts: { transforms: string[]; filePath?: string; disableESTransforms?: boolean }): {
    code: string;
  };
}

let sucrase: Sucrase | null = null;

function load(): Sucrase {
  if (sucrase === null) sucrase = createRequire(import.meta.url)('sucrase') as Sucrase;
  return sucrase;
}

export function isTypeScript(path: string): boolean {
  return /\.(c|m)?ts$/.test(path) || path.endsWith('.tsx');
}

/** Strips types from `code`; `toCommonJs` also rewrites import/export into require/exports. */
export function stripTypes(code: string, filePath: string, toCommonJs: boolean): string {
  const transforms = toCommonJs ? ['typescript', 'imports'] : ['typescript'];
  if (filePath.endsWith('.tsx')) transforms.push('jsx');
  return load().transform(code, { transforms, filePath, disableESTransforms: true }).code;
}

/** Whether source text uses ES module syntax (import/export statements or top-level await forms). */
export function looksLikeEsm(code: string): boolean {
  return /^\s*(import\s*[\w*{'"]|export\s+(\{|\*|default|const|let|var|function|class|async|type|interface|enum))/m.test(code);
}
