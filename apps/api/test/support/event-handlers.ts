import type { INestApplication } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { waitFor } from '@satchel/testing';

type Listener = (...args: unknown[]) => unknown;
type On = EventEmitter2['on'];

/** Event handlers of each tracked app that started and have not finished. */
const running = new WeakMap<INestApplication, { count: number }>();

/**
 * Counts the app's running event handlers (the bot, auto-assignment, deliveries…). Call before the
 * app is initialised: Nest subscribes its `@OnEvent` methods through `on`/`prependListener` then.
 */
export function trackEventHandlers(app: INestApplication): void {
  const emitter = app.get(EventEmitter2);
  const state = { count: 0 };
  running.set(app, state);
  const counted =
    (listener: Listener): Listener =>
    (...args) => {
      state.count++;
      let result: unknown;
      try {
        result = listener(...args);
      } catch (err) {
        state.count--;
        throw err;
      }
      if (result instanceof Promise) return result.finally(() => state.count--);
      state.count--;
      return result;
    };
  const on = emitter.on.bind(emitter);
  const prepend = emitter.prependListener.bind(emitter);
  emitter.on = ((event, listener, options) => on(event, counted(listener), options)) as On;
  emitter.prependListener = ((event, listener, options) => prepend(event, counted(listener), options)) as On;
}

/** An event-loop turn: async handlers (`async: true`) start on `setImmediate` after the emit. */
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Resolves once every event handler the app started has finished, including the ones their events
 * set off: the positive signal before asserting that a handler did nothing.
 */
export async function eventHandlersIdle(app: INestApplication, timeoutMs = 10000): Promise<void> {
  const state = running.get(app);
  if (!state) throw new Error('this app does not track its event handlers (start it with startTestApp)');
  await waitFor(
    'the event handlers to finish',
    async () => {
      // Idle over two turns: a handler that emitted just before it finished has started its followers.
      for (let turn = 0; turn < 2; turn++) {
        await nextTurn();
        if (state.count > 0) return undefined;
      }
      return true;
    },
    timeoutMs,
    20,
    false,
  );
}
