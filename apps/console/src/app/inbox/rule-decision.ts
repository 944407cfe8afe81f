import type { UploadRuleDecision } from '@satchel/contracts';

export interface DecisionText {
  /** Catalogue key under `ruleWhy.by`, e.g. "the platform default". */
  key: string;
  params: Record<string, string>;
}

/** Which level set part of an upload rule, as catalogue text (the console's `describeDecision`). */
export function decisionText(d: UploadRuleDecision, role: 'visitor' | 'operator'): DecisionText {
  switch (d.level) {
    case 'platform':
      return { key: 'ruleWhy.by.platform', params: {} };
    case 'ceiling':
      return { key: 'ruleWhy.by.ceiling', params: {} };
    case 'account':
      return { key: `ruleWhy.by.account.${role}`, params: {} };
    case 'group':
      return {
        key: d.name?.includes(', ') ? 'ruleWhy.by.groups' : 'ruleWhy.by.group',
        params: { name: d.name ?? '' },
      };
  }
}
