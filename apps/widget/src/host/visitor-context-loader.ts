import type { VisitorContext } from '@satchel/contracts';

type ContextModule = typeof import('./visitor-context');

/**
 * The visitor's page, browser and local time for the side panel. The browser parser is a chunk
 * next to widget.js (`visitor-context.js`), fetched when a chat starts; without it the chat starts
 * all the same, only without this context.
 */
export async function loadVisitorContext(assetBase: string): Promise<VisitorContext | undefined> {
  try {
    const mod = (await import(/* webpackIgnore: true */ `${assetBase}/visitor-context.js`)) as ContextModule;
    return mod.visitorContext();
  } catch {
    return undefined;
  }
}
