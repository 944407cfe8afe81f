import { HostApi, type WidgetControl } from './host-api';

function recorder(): { calls: string[]; control: WidgetControl } {
  const calls: string[] = [];
  const control: WidgetControl = {
    open: () => calls.push('open'),
    close: () => calls.push('close'),
    toggle: () => calls.push('toggle'),
    identify: (a) => calls.push(`identify:${JSON.stringify(a)}`),
    setLocale: (l) => calls.push(`locale:${l}`),
  };
  return { calls, control };
}

/** The snippet a host page pastes before the script tag (Intercom's pattern). */
function stub(): { Satchel?: unknown } {
  const win: { Satchel?: unknown } = {};
  const fn = function (...args: unknown[]) {
    const self = fn as unknown as { q?: unknown[] };
    (self.q = self.q ?? []).push(args);
  };
  win.Satchel = fn;
  return win;
}

describe('HostApi', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
  afterEach(() => jest.restoreAllMocks());

  it('replays the calls the stub queued, in order, once the widget is attached', () => {
    const win = stub();
    const call = win.Satchel as (...a: unknown[]) => void;
    call('identify', { name: 'Ada' });
    call('open');
    const api = new HostApi();
    const { calls, control } = recorder();
    api.install(win);
    expect(calls).toEqual([]);
    api.attach(control);
    expect(calls).toEqual(['identify:{"name":"Ada"}', 'open']);
  });

  it('works in both the function-call and method forms after load', () => {
    const win: { Satchel?: unknown } = {};
    const api = new HostApi();
    const { calls, control } = recorder();
    const satchel = api.install(win);
    api.attach(control);
    satchel('toggle');
    satchel.close();
    satchel.setLocale('fr' as never);
    expect(win.Satchel).toBe(satchel);
    expect(calls).toEqual(['toggle', 'close', 'locale:fr']);
  });

  it('registers listeners before the widget exists and removes them with off', () => {
    const win = stub();
    const seen: unknown[] = [];
    const fn = (p?: unknown) => seen.push(p);
    (win.Satchel as (...a: unknown[]) => void)('on', 'message', fn);
    const api = new HostApi();
    const satchel = api.install(win);
    api.emit('message', 1);
    satchel.off('message' as never, fn as never);
    api.emit('message', 2);
    expect(seen).toEqual([1]);
  });

  it('tells a ready listener added after ready at once', async () => {
    const api = new HostApi();
    const satchel = api.install({});
    api.emit('ready');
    const fn = jest.fn();
    satchel.on('ready' as never, fn as never);
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('keeps going when a listener throws or a call is wrong', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const api = new HostApi();
    const satchel = api.install({});
    const after = jest.fn();
    satchel.on(
      'open' as never,
      (() => {
        throw new Error('host bug');
      }) as never,
    );
    satchel.on('open' as never, after as never);
    api.emit('open');
    expect(after).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    satchel('explode');
    satchel.on('nope' as never, after as never);
    satchel.on('open' as never, 'not a function' as never);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('reports a control that refuses its arguments as a warning', () => {
    const api = new HostApi();
    const satchel = api.install({});
    api.attach({
      ...recorder().control,
      setLocale: () => {
        throw new Error('bad tag');
      },
    });
    satchel.setLocale('??' as never);
    expect(warn).toHaveBeenCalledWith('Satchel: setLocale() failed: bad tag');
  });

  it('recognises its own global, not the stub', () => {
    const win = stub();
    expect(HostApi.installedIn(win)).toBe(false);
    new HostApi().install(win);
    expect(HostApi.installedIn(win)).toBe(true);
    expect(HostApi.installedIn({})).toBe(false);
  });
});
