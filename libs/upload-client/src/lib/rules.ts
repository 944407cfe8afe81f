import type { FileRequestDto } from '@satchel/contracts';
import { checkFileAgainstRule, parseAllowedTypes, type RuleLike, type RuleViolation } from '@satchel/domain';

export type RequestLimits = Pick<FileRequestDto, 'allowedTypes' | 'maxSizeKb'>;

/** The visitor rule narrowed by a file request's own types and size (never wider). */
export function narrowRule(base: RuleLike, request?: RequestLimits | null): RuleLike {
  if (!request) return base;
  let allowedTypes = base.allowedTypes;
  if (request.allowedTypes) {
    const baseTypes = safeParse(base.allowedTypes);
    const wanted = safeParse(request.allowedTypes);
    const both = wanted.filter((t) => baseTypes.includes(t));
    allowedTypes = (both.length ? both : wanted).join('|');
  }
  const maxSizeKb = request.maxSizeKb ? Math.min(base.maxSizeKb, request.maxSizeKb) : base.maxSizeKb;
  return { enabled: base.enabled, allowedTypes, maxSizeKb };
}

/** Why a file cannot be sent under this rule, or null. */
export function refusalOf(
  rule: RuleLike,
  file: { name: string; size: number },
  who: 'visitor' | 'operator' = 'visitor',
): RuleViolation | null {
  return checkFileAgainstRule(rule, file, who);
}

/** `accept` attribute for the file picker: `.pdf,.png`. */
export function acceptOf(rule: RuleLike): string {
  return safeParse(rule.allowedTypes)
    .map((t) => `.${t}`)
    .join(',');
}

function safeParse(list: string): string[] {
  try {
    return parseAllowedTypes(list);
  } catch {
    return [];
  }
}
