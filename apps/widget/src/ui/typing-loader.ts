import type { TypingView } from './typing-view';

type TypingModule = typeof import('./typing-view');

/** Typing and "seen" are a separate file next to widget.js (`receipts.js`), fetched once connected. */
export function loadTypingView(assetBase: string): Promise<TypingModule> {
  return import(/* webpackIgnore: true */ `${assetBase}/receipts.js`) as Promise<TypingModule>;
}

export type { TypingView };
