/** The widget's styles, scoped to its shadow root (nothing leaks into or out of the host page). */
export const WIDGET_CSS = `
:host { all: initial; position: fixed; inset-inline-end: 20px; bottom: 20px; z-index: 2147483000; font: 14px/1.4 system-ui, sans-serif; color: #1f2430; --brand: #3056d3; --on-brand: #fff; --brand-ink: #3056d3; }
:host([data-position="left"]) { inset-inline-end: auto; inset-inline-start: 20px; }
* { box-sizing: border-box; font: inherit; }
button { cursor: pointer; border: 0; border-radius: 6px; background: #eef0f5; color: inherit; padding: 4px 8px; }
button:disabled { opacity: .5; cursor: default; }
.launcher { min-width: 56px; height: 56px; border-radius: 28px; padding: 0 16px; background: var(--brand); color: var(--on-brand); display: flex; align-items: center; justify-content: center; gap: 6px; font-weight: 600; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher { position: relative; }
.badge { position: absolute; top: -4px; inset-inline-end: -4px; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px; background: #d93025; color: #fff; font-size: 12px; font-weight: 700; line-height: 20px; text-align: center; }
.bubble { position: absolute; inset-inline-end: 0; bottom: 66px; width: 260px; display: flex; align-items: flex-start; background: #fff; border-radius: 10px; box-shadow: 0 4px 18px rgba(0,0,0,.2); }
.bubble-open { flex: 1; min-width: 0; text-align: start; background: none; padding-block: 10px; padding-inline: 12px 4px; display: flex; flex-direction: column; gap: 2px; }
.bubble-open .who { font-size: 11px; color: #667; }
.bubble-open .text { overflow-wrap: anywhere; }
.bubble-dismiss { background: none; font-size: 16px; color: #667; padding: 6px 8px; }
.panel { position: relative; width: 360px; height: 560px; max-height: calc(100vh - 40px); display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }
.panel[hidden], [hidden] { display: none !important; }
header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: var(--brand); color: var(--on-brand); }
header .title { flex: 1; font-weight: 600; }
header .status { font-size: 12px; opacity: .9; }
header button { background: transparent; color: var(--on-brand); font-size: 18px; }
.log { flex: 1; overflow-y: auto; padding: 10px; display: flex; flex-direction: column; gap: 8px; background: #f6f7fb; }
.msg { max-width: 85%; align-self: flex-start; background: #fff; border-radius: 10px; padding: 6px 10px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.msg.mine { align-self: flex-end; background: #dfe7ff; }
.msg .who { font-size: 11px; color: #667; }
.msg .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.waiting { opacity: .85; border: 1px dashed #8a94b0; }
.msg time { display: block; font-size: 10px; text-align: end; }
.files { display: flex; flex-direction: column; gap: 6px; margin-top: 4px; }
.thumb { display: block; max-width: 220px; max-height: 160px; border-radius: 6px; padding: 0; background: none; }
.thumb img { display: block; max-width: 220px; max-height: 160px; border-radius: 6px; }
.card { display: flex; gap: 8px; align-items: center; background: #f1f3f9; border-radius: 8px; padding: 6px; min-width: 0; }
.card .meta { flex: 1; min-width: 0; }
.card .name { overflow-wrap: anywhere; font-weight: 500; }
.card .name .tail { white-space: nowrap; }
.card .sub, .card .rate { font-size: 12px; color: #667; }
.card .reason { font-size: 12px; color: #b3261e; overflow-wrap: anywhere; }
.card.refused, .card.failed { background: #fdecea; }
.card.waiting .sub { color: #8a5a00; }
.icon { width: 40px; height: 48px; flex: none; display: flex; align-items: center; justify-content: center; border-radius: 4px; background: #c9d2ea; font-size: 11px; font-weight: 700; color: #334; overflow: hidden; }
.icon.pdf { background: #f4c7c3; color: #8c1d18; }
.icon img, .icon canvas { width: 100%; height: 100%; object-fit: cover; }
.pdf-preview canvas { display: block; width: 200px; border: 1px solid #dde; border-radius: 4px; background: #fff; }
.server-preview { display: block; max-width: 220px; max-height: 160px; border-radius: 6px; background: #e4e7ef; }
.server-preview[data-preview='pending'] { width: 120px; height: 90px; }
.server-preview[data-preview='placeholder'] { width: 160px; filter: blur(2px); }
.pdf-preview .thumb, .file-preview .thumb { margin-bottom: 4px; }
.pdf-preview .server-preview { border: 1px solid #dde; background: #fff; }
progress { width: 100%; height: 6px; }
.tray { display: flex; flex-direction: column; gap: 4px; padding: 6px 10px; border-top: 1px solid #e3e6ee; max-height: 200px; overflow-y: auto; }
.tray:empty { display: none; }
.tray .for { font-size: 12px; color: var(--brand-ink); }
.composer { display: flex; gap: 6px; padding: 8px; border-top: 1px solid #e3e6ee; align-items: flex-end; }
.composer textarea { flex: 1; resize: none; height: 38px; border: 1px solid #ccd; border-radius: 6px; padding: 8px; }
.composer .send { background: var(--brand); color: var(--on-brand); height: 38px; }
.composer .clip { height: 38px; }
.request { margin-top: 6px; display: flex; gap: 6px; }
.request .upload { background: var(--brand); color: var(--on-brand); }
.request-done { font-size: 12px; color: #2e7d32; margin-top: 4px; }
.drop { position: absolute; inset: 0; background: rgba(48,86,211,.12); border: 3px dashed var(--brand); border-radius: 12px; display: flex; align-items: center; justify-content: center; font-weight: 600; color: var(--brand-ink); pointer-events: none; }
.lightbox { position: absolute; inset: 0; background: rgba(0,0,0,.85); display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 8px; padding: 10px; }
.lightbox img { max-width: 100%; max-height: calc(100% - 40px); }
button:focus-visible, textarea:focus-visible, summary:focus-visible, a:focus-visible, [tabindex]:focus-visible, input:focus-visible { outline: 2px solid var(--brand-ink); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
header button:focus-visible { outline-color: var(--on-brand); }
@media (max-width: 480px) {
  :host { inset-inline-end: 12px; bottom: 12px; }
  :host([data-position="left"]) { inset-inline-end: auto; inset-inline-start: 12px; }
  .panel { position: fixed; inset: 0; width: auto; height: auto; max-height: none; border-radius: 0; }
  .composer textarea { font-size: 16px; height: 44px; }
  .composer .send, .composer .clip { height: 44px; }
  .tray { max-height: 40vh; }
  .drop { border-radius: 0; }
}
.ended { padding: 10px; border-top: 1px solid #e3e6ee; text-align: center; display: flex; flex-direction: column; gap: 6px; align-items: center; }
.ended .why { font-size: 12px; color: #667; text-align: center; }
.ended .start { background: var(--brand); color: var(--on-brand); padding: 8px 12px; }
.notice { font-size: 12px; color: #8a5a00; background: #fff4d6; padding: 4px 10px; }
:host([data-position="left"]) .bubble { inset-inline-end: auto; inset-inline-start: 0; }
.launcher svg { flex: none; }
header .avatar { width: 28px; height: 28px; border-radius: 50%; object-fit: cover; background: #fff; }
.intro { padding: 8px 12px; font-size: 13px; background: #fff; border-bottom: 1px solid #e3e6ee; white-space: pre-wrap; overflow-wrap: anywhere; }
.away { padding: 6px 12px; font-size: 12px; color: #5c3c00; background: #fff4d6; white-space: pre-wrap; overflow-wrap: anywhere; }
.transcript .why { font-size: 12px; color: #667; text-align: center; }
.transcript { position: absolute; inset: 0; display: flex; flex-direction: column; background: #fff; }
.transcript header .back { font-size: 14px; }
`;
