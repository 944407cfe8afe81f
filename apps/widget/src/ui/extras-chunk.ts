// `extras.js`: the parts few visits need (earlier conversations, a transcript, the pre-chat form),
// with their styles; fetched when one of them is shown, so widget.js stays small.
import { EXTRAS_CSS } from './extras-styles';

export { renderEarlier } from './earlier-view';
export { preChatForm } from './prechat-form';

/** Adds the extras' styles to the widget's shadow root (a constructed sheet: no inline style for CSP). */
export function adoptExtrasStyles(root: ShadowRoot): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(EXTRAS_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
