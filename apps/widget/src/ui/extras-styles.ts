/** Styles of the occasional parts (earlier conversations, transcript, pre-chat form), shipped with them. */
export const EXTRAS_CSS = `
.earlier { font-size: 12px; background: #eef0f5; border-bottom: 1px solid #e3e6ee; }
.earlier summary { cursor: pointer; padding: 6px 10px; color: var(--brand-ink); }
.earlier ul { list-style: none; margin: 0; padding: 0 6px 6px; max-height: 150px; overflow-y: auto; }
.earlier li button { width: 100%; text-align: start; background: #fff; margin-top: 4px; display: flex; flex-direction: column; }
.earlier .when { font-weight: 600; }
.earlier .hint { color: #667; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.prechat { display: flex; flex-direction: column; gap: 6px; padding: 10px; border-top: 1px solid #e3e6ee; }
.prechat label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: #4a5060; }
.prechat input { border: 1px solid #8a94b0; border-radius: 6px; padding: 7px 8px; }
.prechat .error { font-size: 12px; color: #b3261e; }
.prechat button[type="submit"] { background: var(--brand); color: var(--on-brand); padding: 8px 12px; align-self: flex-end; }
`;
