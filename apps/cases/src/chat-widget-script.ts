import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ChatWidgetScript } from '@homeroom/cases/data-access';

/**
 * The chat widget's script: `chat-widget.js` beside the service's code, which `npm run build` writes there
 * (production images); otherwise, running from source, bundled from the widget's source by the same
 * function the build uses (tools/build/chat-widget.cjs).
 */
export function chatWidgetScript(): ChatWidgetScript {
  const built = join(__dirname, 'chat-widget.js');
  return {
    async load() {
      if (existsSync(built)) return readFile(built, 'utf8');
      const tool = join(__dirname, '..', '..', '..', 'tools', 'build', 'chat-widget.cjs');
      const { bundleChatWidget } = createRequire(__filename)(tool) as { bundleChatWidget(): Promise<string> };
      return bundleChatWidget();
    },
  };
}
