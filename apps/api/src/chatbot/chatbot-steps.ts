import type { ChatbotStep } from '@satchel/contracts';
import { InvalidTypeListError, normalizeAllowedTypes } from '@satchel/domain';
import { z } from 'zod';
import { ValidationError } from '../common/errors/domain-errors';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const stepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('say'), text: text(2000) }).strict(),
  z
    .object({
      type: z.literal('askFile'),
      prompt: text(1000),
      allowedTypes: z.string().max(500).optional(),
      maxSizeKb: z.number().int().min(1).optional(),
      skippable: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('handover'), text: text(2000).optional() }).strict(),
]);

/** Validates the bot's steps; the error names the field, e.g. `steps.1.prompt`. */
export function parseSteps(raw: unknown[]): ChatbotStep[] {
  return raw.map((value, i) => {
    const r = stepSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const field = ['steps', i, ...(issue?.path ?? [])].join('.');
      throw new ValidationError(`${field} ${issue?.message ?? 'is invalid'}`, field);
    }
    const step = r.data;
    if (step.type === 'askFile' && step.allowedTypes !== undefined) {
      return { ...step, allowedTypes: normalizeTypes(step.allowedTypes, `steps.${i}.allowedTypes`) };
    }
    return step;
  });
}

/** A request's narrower type list in canonical form; a bad token is a 400 naming it. */
export function normalizeTypes(list: string, field: string): string {
  try {
    return normalizeAllowedTypes(list);
  } catch (err) {
    if (err instanceof InvalidTypeListError)
      throw new ValidationError(err.message, field, { token: err.token });
    throw err;
  }
}
