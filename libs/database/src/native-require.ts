import * as NodeModule from 'node:module';

interface ModuleInternals {
  Module: {
    _load(request: string, parent: object, isMain: boolean): unknown;
    _nodeModulePaths(directory: string): string[];
  };
}

/**
 * Loads a package with Node's own module loader, outside any jest VM context. PGlite imports Node built-ins
 * with dynamic import(), which a jest VM context rejects (without --experimental-vm-modules), and jest wraps
 * createRequire too. Outside jest this is an ordinary require.
 */
export function nativeRequire<T>(request: string): T {
  const { Module } = NodeModule as unknown as ModuleInternals;
  const parent = { id: __filename, filename: __filename, paths: Module._nodeModulePaths(__dirname) };
  return Module._load(request, parent, false) as T;
}
