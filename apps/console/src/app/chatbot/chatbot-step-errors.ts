import type { ChatbotStep } from '@satchel/contracts';
import { InvalidTypeListError, parseAllowedTypes } from '@satchel/domain';
import { humanizeFieldNames } from '../core/field-labels';
import { t } from '../i18n/translate';

/** A step field the page shows an error under; `step` is the index (the page shows `step + 1`). */
export interface StepError {
  step: number;
  field: 'text' | 'prompt' | 'allowedTypes' | 'maxSizeKb';
  message: string;
}

const blank = (s: string | undefined): boolean => !s?.trim();

/** The same rules as the API (`parseSteps`), worded for the page: steps numbered from 1. */
export function stepErrors(steps: readonly ChatbotStep[]): StepError[] {
  const errors: StepError[] = [];
  steps.forEach((step, i) => {
    const n = i + 1;
    if (step.type === 'say' && blank(step.text)) {
      errors.push({ step: i, field: 'text', message: t('chatbot.errors.text', { n }) });
    }
    if (step.type === 'askContact' && blank(step.prompt)) {
      errors.push({ step: i, field: 'prompt', message: t('chatbot.errors.contactPrompt', { n }) });
    }
    if (step.type !== 'askFile') return;
    if (blank(step.prompt)) {
      errors.push({
        step: i,
        field: 'prompt',
        message: t('chatbot.errors.prompt', { n }),
      });
    }
    if (step.allowedTypes?.trim()) {
      try {
        parseAllowedTypes(step.allowedTypes);
      } catch (err) {
        if (!(err instanceof InvalidTypeListError)) throw err;
        errors.push({
          step: i,
          field: 'allowedTypes',
          message: t('chatbot.errors.types', { n, problem: humanizeFieldNames(err.message) }),
        });
      }
    }
    if (step.maxSizeKb !== undefined && (!Number.isInteger(step.maxSizeKb) || step.maxSizeKb < 1)) {
      errors.push({
        step: i,
        field: 'maxSizeKb',
        message: t('chatbot.errors.maxSize', { n }),
      });
    }
  });
  return errors;
}

/** The step and field a server refusal names (`steps.1.prompt`), if any. */
export function stepErrorFromServer(field: string | undefined, message: string): StepError | null {
  const m = /^steps\.(\d+)\.(text|prompt|allowedTypes|maxSizeKb)$/.exec(field ?? '');
  if (!m) return null;
  return { step: Number(m[1]), field: m[2] as StepError['field'], message: humanizeFieldNames(message) };
}
