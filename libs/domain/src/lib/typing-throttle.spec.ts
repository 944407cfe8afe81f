import { TypingThrottle, TYPING_IDLE_MS } from './typing-throttle';

describe('TypingThrottle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends one "typing" per 2 s while typing, a stop after 5 s idle or on stop()', () => {
    const sent: boolean[] = [];
    let now = 10_000;
    const t = new TypingThrottle(
      (v) => sent.push(v),
      () => now,
    );
    t.input();
    now += 500;
    t.input();
    now += 1600;
    t.input();
    expect(sent).toEqual([true, true]);
    jest.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual([true, true, false]);
    t.input();
    t.stop();
    t.stop();
    expect(sent).toEqual([true, true, false, true, false]);
  });
});
