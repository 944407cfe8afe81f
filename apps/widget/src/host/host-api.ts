/** What a host page can do with the widget once it is mounted. */
export interface WidgetControl {
  open(): void;
  close(): void;
  toggle(): void;
  identify(attributes: VisitorAttributes): void;
  setLocale(locale: string): void;
}

export interface VisitorAttributes {
  name?: string;
  email?: string;
  [key: string]: unknown;
}

export const HOST_EVENTS = ['ready', 'open', 'close', 'message', 'file'] as const;
export type HostEvent = (typeof HOST_EVENTS)[number];
export type Listener = (payload?: unknown) => void;

type Method = keyof WidgetControl;
/** Marks the real `Satchel` (not the host's queue stub), so a second copy of the script stays idle. */
const INSTALLED = Symbol.for('satchel.widget');
const METHODS: readonly Method[] = ['open', 'close', 'toggle', 'identify', 'setLocale'];

/** `window.Satchel`: callable as `Satchel('open')` and as `Satchel.open()`. */
export type SatchelGlobal = ((method: string, ...args: unknown[]) => void) &
  Record<Method | 'on' | 'off', (...args: never[]) => void> & { q?: ArrayLike<unknown>[] };

/**
 * The host-page API: calls made before the widget is mounted wait (in order) and run once it is;
 * listeners are kept here so they can be added before the widget exists.
 */
export class HostApi {
  private readonly listeners = new Map<HostEvent, Set<Listener>>();
  private control: WidgetControl | null = null;
  private waiting: [Method, unknown[]][] = [];
  private ready = false;

  call(method: unknown, args: unknown[]): void {
    if (method === 'on' || method === 'off') return this.listen(method, args[0], args[1]);
    if (!isMethod(method)) return warn(`unknown method ${String(method)}`);
    if (this.control) this.run(this.control, method, args);
    else this.waiting.push([method, args]);
  }

  /** The widget is mounted: run what waited. */
  attach(control: WidgetControl): void {
    this.control = control;
    const waiting = this.waiting;
    this.waiting = [];
    for (const [method, args] of waiting) this.run(control, method, args);
  }

  emit(event: HostEvent, payload?: unknown): void {
    if (event === 'ready') this.ready = true;
    for (const fn of [...(this.listeners.get(event) ?? [])]) {
      try {
        fn(payload);
      } catch (err) {
        // A failing host listener must not break the widget (nor the other listeners).
        console.error(`Satchel: a "${event}" listener failed`, err);
      }
    }
  }

  /** True when a copy of the widget already runs on this page (the script tag was added twice). */
  static installedIn(win: { Satchel?: unknown }): boolean {
    return typeof win.Satchel === 'function' && INSTALLED in win.Satchel;
  }

  /** Replaces the queue stub with the real `Satchel` and replays the calls it kept. */
  install(win: { Satchel?: unknown }): SatchelGlobal {
    const stub = win.Satchel;
    const q = typeof stub === 'function' ? (stub as { q?: unknown }).q : undefined;
    const queued = Array.isArray(q) ? (q as ArrayLike<unknown>[]) : [];
    const api = ((method: string, ...args: unknown[]) => this.call(method, args)) as SatchelGlobal;
    for (const name of [...METHODS, 'on', 'off'] as const)
      api[name] = (...args: unknown[]) => this.call(name, args);
    Object.defineProperty(api, INSTALLED, { value: true });
    win.Satchel = api;
    for (const args of queued) {
      const list = Array.from(args);
      this.call(list[0], list.slice(1));
    }
    return api;
  }

  private listen(how: 'on' | 'off', event: unknown, fn: unknown): void {
    if (!HOST_EVENTS.includes(event as HostEvent)) return warn(`unknown event ${String(event)}`);
    if (typeof fn !== 'function') return warn(`${how}('${String(event)}') needs a function`);
    const set = this.listeners.get(event as HostEvent) ?? new Set<Listener>();
    this.listeners.set(event as HostEvent, set);
    if (how === 'off') return void set.delete(fn as Listener);
    set.add(fn as Listener);
    // `ready` already happened: tell a late listener at once, as it would have been told.
    if (event === 'ready' && this.ready) queueMicrotask(() => set.has(fn as Listener) && (fn as Listener)());
  }

  private run(control: WidgetControl, method: Method, args: unknown[]): void {
    try {
      (control[method] as (...a: unknown[]) => void)(...args);
    } catch (err) {
      warn(`${method}() failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function isMethod(m: unknown): m is Method {
  return METHODS.includes(m as Method);
}

function warn(text: string): void {
  console.warn(`Satchel: ${text}`);
}
