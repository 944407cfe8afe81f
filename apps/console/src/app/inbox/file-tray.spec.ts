import { FileTray } from './file-tray';

describe('FileTray (operator)', () => {
  const rule = { enabled: true, allowedTypes: 'pdf|png', maxSizeKb: 1 };

  beforeAll(() => {
    // jsdom has no object URLs; the tray makes one per image for its thumbnail.
    Object.assign(URL, { createObjectURL: () => 'blob:thumb', revokeObjectURL: () => undefined });
  });

  it('refuses files the operator rule does not allow, with the reason, and keeps them out of the send', () => {
    const tray = new FileTray(
      () => 'c1',
      () => 'Bearer t',
    );
    tray.add(
      [
        new File(['%PDF-1.4'], 'ok.pdf', { type: 'application/pdf' }),
        new File(['MZ'], 'tool.exe'),
        new File([new Uint8Array(2048)], 'big.png', { type: 'image/png' }),
      ],
      rule,
    );
    const [ok, exe, big] = tray.files();
    expect(ok?.state).toBe('ready');
    expect(exe).toMatchObject({
      state: 'refused',
      reason: 'tool.exe: file type .exe is not allowed (allowed: pdf, png)',
    });
    expect(big).toMatchObject({ state: 'refused', reason: 'big.png: file is larger than the limit of 1 KB' });
    expect(tray.sendable().map((f) => f.file.name)).toEqual(['ok.pdf']);
    tray.remove(exe.id);
    expect(tray.files()).toHaveLength(2);
  });

  it('names the level that set the broken rule, as catalogue text in any language', () => {
    const tray = new FileTray(
      () => 'c1',
      () => 'Bearer t',
    );
    const decided = {
      ...rule,
      decidedBy: {
        enabled: { level: 'platform' },
        allowedTypes: { level: 'group', name: 'Finance' },
        maxSizeKb: { level: 'account' },
      },
    };
    tray.add([new File(['MZ'], 'tool.exe'), new File([new Uint8Array(2048)], 'big.png')], decided);
    const [exe, big] = tray.files();
    expect(exe).toMatchObject({
      refusal: { code: 'type', name: 'tool.exe', ext: '.exe', allowed: 'pdf, png' },
      decidedBy: { key: 'ruleWhy.by.group', params: { name: 'Finance' } },
    });
    expect(big).toMatchObject({
      refusal: { code: 'size', max: 1 },
      decidedBy: { key: 'ruleWhy.by.account.operator', params: {} },
    });
  });

  it('sends files above 8 MB through tus, which can pause; smaller ones cannot', () => {
    const tray = new FileTray(
      () => 'c1',
      () => 'Bearer t',
    );
    const big = new File([new Uint8Array(8 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' });
    tray.add([big, new File(['%PDF-1.4'], 'small.pdf')], { ...rule, maxSizeKb: 10_000 });
    expect(tray.files().map((f) => [f.file.name, f.state, f.resumable, f.speed, f.eta])).toEqual([
      ['big.pdf', 'ready', true, 0, null],
      ['small.pdf', 'ready', false, 0, null],
    ]);
  });
});
