import { TransferRate } from './transfer-rate';

describe('TransferRate', () => {
  it('smooths the speed and gives the time left', () => {
    const r = new TransferRate();
    r.sample(0, 0);
    expect(r.speed).toBe(0);
    expect(r.eta(100)).toBeNull();
    r.sample(1000, 1000);
    expect(r.speed).toBe(1000);
    r.sample(3000, 2000);
    expect(r.speed).toBe(1400);
    expect(r.eta(2800)).toBe(2);
  });

  it('starts again from the offset of a resumed upload', () => {
    const r = new TransferRate();
    r.sample(0, 0);
    r.sample(500, 1000);
    r.reset();
    r.sample(10_000, 5000);
    r.sample(10_300, 6000);
    expect(r.speed).toBe(300);
  });
});
