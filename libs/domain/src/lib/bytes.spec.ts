import { formatBytes } from './bytes';

it('formats sizes in binary units', () => {
  expect(formatBytes(5120 * 1024)).toBe('5 MB');
  expect(formatBytes(1536)).toBe('1.5 KB');
  expect(formatBytes(12)).toBe('12 B');
});
