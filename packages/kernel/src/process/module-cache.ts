/**
 * Compiled wasm modules, keyed by the SHA-256 of their bytes and the memory cap applied to them. Compiling
 * happens once per key per host; the compiled `WebAssembly.Module` is posted to workers, which instantiate it
 * without recompiling. Least recently used entries are dropped past MODULE_LIMITS.compiledModulesMax.
 */
import { createHash } from 'node:crypto';
import { MODULE_LIMITS } from '@burrow/protocol';
import { capMemory, WASM_PAGE_BYTES } from './wasm-binary.js';

export interface CompiledModule {
  hash: string;
  module: WebAssembly.Module;
  /** Whether the module imports its memory (the worker then provides one with the cap). */
  importsMemory: boolean;
  maxPages: number;
}

export class ModuleCache {
  private readonly entries = new Map<string, CompiledModule>();
  hits = 0;
  misses = 0;

  get(bytes: Uint8Array, memoryBytesMax: number): CompiledModule {
    const maxPages = Math.floor(memoryBytesMax / WASM_PAGE_BYTES);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const key = `${hash}:${maxPages}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.misses++;
    const capped = capMemory(bytes, maxPages);
    const module = new WebAssembly.Module(capped as Uint8Array<ArrayBuffer>);
    const importsMemory = WebAssembly.Module.imports(module).some((i) => i.kind === 'memory');
    const compiled: CompiledModule = { hash, module, importsMemory, maxPages };
    this.entries.set(key, compiled);
    if (this.entries.size > MODULE_LIMITS.compiledModulesMax) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return compiled;
  }
}
