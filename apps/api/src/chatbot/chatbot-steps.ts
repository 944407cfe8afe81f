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
  z.object({ type: z.literal('askContact'), prompt: text(1000) }).strict(),
]);

/** How the console names step fields in messages (steps are numbered from 1 there). */
const FIELD_WORDS: Record<string, string> = {
  text: 'the text',
  prompt: 'the prompt',
  allowedTypes: 'the allowed types',
  maxSizeKb: 'the maximum size',
  skippable: '"skippable"',
  type: 'the step type',
};

/**
 * Validates the bot's steps. The error's `field` is machine-readable (`steps.1.prompt`); its
 * message is for people: "Step 2: the prompt must not be empty".
 */
export function parseSteps(raw: unknown[]): ChatbotStep[] {
  return raw.map((value, i) => {
    const r = stepSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const path = (issue?.path ?? []).map(String);
      const field = ['steps', i, ...path].join('.');
      const what = path.length ? (FIELD_WORDS[path[0]] ?? path.join('.')) : 'this step';
      throw new ValidationError(`Step ${i + 1}: ${what} ${issue?.message ?? 'is invalid'}`, field, {
        code: 'invalid_chatbot_step',
      });
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
