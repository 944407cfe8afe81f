import { contrastRatio, readableTextOn, roundRatio } from './contrast';

describe('contrast', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#3056d3', '#3056d3')).toBe(1);
  });

  it('matches the WCAG reference figure for #767676 on white (4.54)', () => {
    expect(roundRatio(contrastRatio('#767676', '#FFFFFF'))).toBe(4.54);
  });

  it('picks white text on dark brands and black text on light ones', () => {
    expect(readableTextOn('#3056d3')).toBe('#ffffff');
    expect(readableTextOn('#ffd400')).toBe('#000000');
  });

  it('refuses anything but #rrggbb', () => {
    expect(() => contrastRatio('red', '#ffffff')).toThrow(RangeError);
  });
});
