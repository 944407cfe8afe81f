export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
