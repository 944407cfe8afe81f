import { checkFileAgainstRule, parseAllowedTypes, type RuleLike, type RuleViolation } from './upload-rules';

/** Where a part of an uploader's effective rule came from. */
export type RuleLevel = 'platform' | 'account' | 'group' | 'ceiling';

export interface RuleDecision {
  level: RuleLevel;
  /** The group's name when `level` is `group`. */
  name?: string;
}

export type RuleRole = 'visitor' | 'operator';

/** An account's rule for one role: an unset (null) field inherits the platform default. */
export interface InheritingRule {
  enabled: boolean | null;
  allowedTypes: string | null;
  maxSizeKb: number | null;
}

export interface RuleLevelsInput {
  role: RuleRole;
  /** The platform default for the role (owner's setting, else the environment). */
  platform: RuleLike;
  /** Limits no account or group can go beyond; `allowedTypes` null = any known type. */
  ceiling: { maxSizeKb: number; allowedTypes: string | null };
  account: InheritingRule | null;
  /** The groups the uploader belongs to (operator groups, or the verified-visitor group). */
  groups: { name: string; rule: RuleLike }[];
}

export interface ResolvedRule extends RuleLike {
  decidedBy: { enabled: RuleDecision; allowedTypes: RuleDecision; maxSizeKb: RuleDecision };
}

const FIELDS = ['enabled', 'allowedTypes', 'maxSizeKb'] as const;

/**
 * The effective rule: platform default, overridden field by field by the account's rule for the
 * role, replaced entirely by the uploader's group(s) (the broadest when several), then capped by
 * the platform ceiling. Each field says which level decided it.
 */
export function resolveRule(input: RuleLevelsInput): ResolvedRule {
  const base = input.groups.length ? fromGroups(input.groups) : fromAccount(input.platform, input.account);
  return capped(base, input.ceiling);
}

function fromAccount(platform: RuleLike, account: InheritingRule | null): ResolvedRule {
  const rule: ResolvedRule = { ...platform, decidedBy: allFrom({ level: 'platform' }) };
  for (const field of FIELDS) {
    const value = account?.[field];
    if (value === null || value === undefined) continue;
    Object.assign(rule, { [field]: value });
    rule.decidedBy[field] = { level: 'account' };
  }
  return rule;
}

function fromGroups(groups: RuleLevelsInput['groups']): ResolvedRule {
  const enabled = groups.filter((g) => g.rule.enabled);
  if (enabled.length === 0) {
    const first = groups[0];
    if (!first) throw new Error('fromGroups needs a group');
    return { ...first.rule, decidedBy: allFrom({ level: 'group', name: first.name }) };
  }
  const widest = enabled.reduce((a, b) => (b.rule.maxSizeKb > a.rule.maxSizeKb ? b : a));
  const types = [...new Set(enabled.flatMap((g) => parseAllowedTypes(g.rule.allowedTypes)))];
  const typeNames = enabled.map((g) => g.name).join(', ');
  return {
    enabled: true,
    allowedTypes: types.join('|'),
    maxSizeKb: widest.rule.maxSizeKb,
    decidedBy: {
      enabled: { level: 'group', name: enabled[0]?.name },
      allowedTypes: { level: 'group', name: typeNames },
      maxSizeKb: { level: 'group', name: widest.name },
    },
  };
}

function capped(rule: ResolvedRule, ceiling: RuleLevelsInput['ceiling']): ResolvedRule {
  const out: ResolvedRule = { ...rule, decidedBy: { ...rule.decidedBy } };
  if (out.maxSizeKb > ceiling.maxSizeKb) {
    out.maxSizeKb = ceiling.maxSizeKb;
    out.decidedBy.maxSizeKb = { level: 'ceiling' };
  }
  if (ceiling.allowedTypes !== null) {
    const permitted = new Set(parseAllowedTypes(ceiling.allowedTypes));
    const wanted = parseAllowedTypes(out.allowedTypes);
    const kept = wanted.filter((t) => permitted.has(t));
    if (kept.length === 0) {
      out.enabled = false;
      out.decidedBy.enabled = { level: 'ceiling' };
    } else if (kept.length < wanted.length) {
      out.allowedTypes = kept.join('|');
      out.decidedBy.allowedTypes = { level: 'ceiling' };
    }
  }
  return out;
}

function allFrom(d: RuleDecision): ResolvedRule['decidedBy'] {
  return { enabled: { ...d }, allowedTypes: { ...d }, maxSizeKb: { ...d } };
}

/** "the group Billing", "this account's operator rule", … for "why can't I send this?". */
export function describeDecision(d: RuleDecision, role: RuleRole): string {
  switch (d.level) {
    case 'platform':
      return 'the platform default';
    case 'ceiling':
      return 'the platform limit';
    case 'account':
      return `this account's ${role} rule`;
    case 'group':
      return d.name?.includes(', ') ? `the groups ${d.name}` : `the group ${d.name ?? ''}`;
  }
}

export type ExplainedViolation = RuleViolation & {
  decidedBy: RuleDecision;
  /** The violation's message and which level set the limit, in one sentence. */
  explanation: string;
};

/** The first rule a file breaks and which level set that rule; null when it may be sent. */
export function explainViolation(
  rule: ResolvedRule,
  file: { name: string; size?: number },
  role: RuleRole,
): ExplainedViolation | null {
  const v = checkFileAgainstRule(rule, file, role);
  if (!v) return null;
  const field = v.code === 'disabled' ? 'enabled' : v.code === 'type' ? 'allowedTypes' : 'maxSizeKb';
  const decidedBy = rule.decidedBy[field];
  return { ...v, decidedBy, explanation: `${v.message} (set by ${describeDecision(decidedBy, role)})` };
}
