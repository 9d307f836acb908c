// @ts-check
/**
 * Jest transformer for the portal's Angular classes (components, directives, pipes). TestBed compiles them
 * just in time, and JIT knows a signal `input()`, `output()`, `model()` or signal query only when the
 * Angular compiler's JIT transform has recorded it as metadata (what the CLI does for `ng test`); SWC,
 * which transpiles every other file, cannot. TypeScript emits the file alone (no type check: each
 * project's `typecheck` does that), with the transform, as CommonJS like the rest of the suite.
 */
const ts = require('typescript');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
// ESM only: loaded through Node's require(esm), as the workspace loads NestJS.
const { angularJitApplicationTransform, VERSION } = require('@angular/compiler-cli');

/** @type {ts.CompilerOptions} */
const OPTIONS = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  importHelpers: false,
  isolatedModules: true,
  noLib: true,
  noResolve: true,
  inlineSourceMap: true,
  inlineSources: true,
  useDefineForClassFields: false,
};

module.exports = {
  /** @param {string} source @param {string} fileName */
  process(source, fileName) {
    const host = ts.createCompilerHost(OPTIONS);
    const readSource = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, ...rest) =>
      name === fileName ? ts.createSourceFile(name, source, version) : readSource(name, version, ...rest);
    const program = ts.createProgram([fileName], OPTIONS, host);
    let code = '';
    program.emit(
      program.getSourceFile(fileName),
      (name, text) => {
        if (name.endsWith('.js')) code = text;
      },
      undefined,
      false,
      { before: [angularJitApplicationTransform(program)] },
    );
    return { code };
  },
  /** @param {string} source @param {string} fileName */
  getCacheKey(source, fileName) {
    return createHash('sha256')
      .update(readFileSync(__filename))
      .update(ts.version)
      .update(VERSION.full)
      .update(fileName)
      .update(source)
      .digest('hex');
  },
};
