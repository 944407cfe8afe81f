import { ValidateIf } from 'class-validator';

/** The field's other validators run unless it is `null` (a nullable field cleared on purpose). */
export const ValidateUnlessNull = (field: string) =>
  ValidateIf((o: Record<string, unknown>) => o[field] !== null);
