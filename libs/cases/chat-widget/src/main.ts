import { HomeroomChatElement } from './lib/chat-widget.element';

/**
 * The widget's script. Loaded by `<script src="…/chat/widget.js" data-school="…" data-lang="es">`, it defines
 * `<homeroom-chat>` and adds one to the page with the script tag's settings, unless the page places its own.
 */
const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) HomeroomChatElement.scriptOrigin = new URL(script.src).origin;
if (!customElements.get('homeroom-chat')) customElements.define('homeroom-chat', HomeroomChatElement);

function mount(): void {
  if (document.querySelector('homeroom-chat')) return;
  const element = document.createElement('homeroom-chat');
  if (script?.dataset['school']) element.setAttribute('school', script.dataset['school']);
  if (script?.dataset['lang']) element.setAttribute('lang', script.dataset['lang']);
  document.body.append(element);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
