/**
 * Component specs ask for a DOM (`@jest-environment jsdom` at the top of the file); for them Angular's
 * TestBed runs on the browser platform, compiling components just in time (their JIT metadata comes from
 * tools/jest/angular-jit-transformer.js). Specs of pure logic stay on Node and load no Angular.
 */
if ('document' in globalThis) {
  /* eslint-disable @typescript-eslint/no-require-imports -- only a DOM environment may load Angular */
  require('@angular/compiler');
  const { TestBed } = require('@angular/core/testing') as typeof import('@angular/core/testing');
  const testing =
    require('@angular/platform-browser/testing') as typeof import('@angular/platform-browser/testing');
  /* eslint-enable @typescript-eslint/no-require-imports */
  TestBed.initTestEnvironment(testing.BrowserTestingModule, testing.platformBrowserTesting(), {
    errorOnUnknownElements: true,
    errorOnUnknownProperties: true,
  });
}
