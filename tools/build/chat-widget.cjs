// The web chat widget's bundle (libs/cases/chat-widget): one minified script for the browsers families use,
// with no module loader (districts paste one <script> tag). `npm run build` writes it beside the cases
// service (dist/apps/cases/chat-widget.js), which serves it at /chat/widget.js; in development the service
// builds it from source with this same function on first request. CommonJS, so that both the build script
// (ESM) and the service (CommonJS under @swc-node/register) can load it.
const { join } = require('node:path');

const ENTRY = join(__dirname, '..', '..', 'libs', 'cases', 'chat-widget', 'src', 'main.ts');

/** The widget's script, as text. */
async function bundleChatWidget() {
  const { build } = require('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    // Browsers from 2020 on: what the districts' families carry (fetch streams, custom elements, shadow DOM).
    target: 'es2020',
    minify: true,
    // The words in seven languages as UTF-8 (served as such), not as \u escapes twice their size.
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

module.exports = { bundleChatWidget, CHAT_WIDGET_ENTRY: ENTRY };
