/** ISO bounds for a day range picked in the UI: from the start of `start` to the end of `end`. */
export function isoRange(start: Date | null, end: Date | null): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (start) range.from = new Date(start.getFullYear(), start.getMonth(), start.getDate()).toISOString();
  if (end) range.to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).toISOString();
  return range;
}
