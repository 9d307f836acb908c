/**
 * The widget's styles, inside its shadow root (the district's page styles cannot reach in, nor ours out).
 * Logical properties, so that a right-to-left page mirrors it; sized for a 390 px phone; focus always shown;
 * colours with at least 4.5:1 contrast.
 */
export const WIDGET_STYLES = `
:host { all: initial; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; }
* { box-sizing: border-box; }
.launcher { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483000;
  border: 0; border-radius: 999px; padding: 12px 20px; background: #0b5cad; color: #fff; font: inherit;
  font-weight: 600; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.panel { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483001;
  width: min(380px, calc(100vw - 16px)); height: min(560px, calc(100dvh - 32px)); display: flex;
  flex-direction: column; background: #fff; border: 1px solid #8a96a3; border-radius: 12px;
  box-shadow: 0 8px 24px rgba(0,0,0,.25); overflow: hidden; }
@media (max-width: 420px) { .panel { inset-inline-end: 8px; inset-block-end: 8px; } }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 12px 16px;
  background: #0b5cad; color: #fff; }
h2 { margin: 0; font-size: 1.05rem; }
.icon { border: 0; background: transparent; color: #fff; font: inherit; font-size: 1.4rem; line-height: 1;
  min-width: 44px; min-height: 44px; cursor: pointer; border-radius: 8px; }
.body { flex: 1; overflow-y: auto; padding: 12px 16px; display: flex; flex-direction: column; gap: 10px; }
.notice { margin: 0; padding: 8px 12px; border-radius: 8px; background: #eef3f8; }
.status { margin: 0; color: #4a5560; font-size: .9rem; }
label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
.hint { font-weight: 400; font-size: .875rem; color: #4a5560; }
input, textarea { font: inherit; padding: 8px 10px; border: 1px solid #6b7785; border-radius: 6px; width: 100%; }
textarea { resize: vertical; min-height: 72px; }
.error { color: #a4161a; margin: 0; }
.primary, .secondary { font: inherit; font-weight: 600; border-radius: 6px; padding: 10px 16px; min-height: 44px;
  cursor: pointer; }
.primary { background: #0b5cad; color: #fff; border: 0; }
.primary:disabled { background: #6b7785; cursor: progress; }
.secondary { background: #fff; color: #0b5cad; border: 1px solid #0b5cad; }
ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
li { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
li.mine { align-self: flex-end; background: #0b5cad; color: #fff; }
li.theirs { align-self: flex-start; background: #eef3f8; }
.who { display: block; font-size: .8rem; font-weight: 600; }
form.compose { display: flex; gap: 8px; align-items: flex-end; padding: 8px 16px 12px; border-block-start: 1px solid #d0d7de; }
form.compose textarea { min-height: 44px; }
.controls { padding: 0 16px; display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
