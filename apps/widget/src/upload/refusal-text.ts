import type { RuleLike, RuleViolation } from '@satchel/domain';
import { extensionOf, parseAllowedTypes } from '@satchel/domain';
import { i18n, t } from '../i18n/i18n';

/** Why the rule refuses a file before it is sent, in the widget's language. */
export function refusalText(v: RuleViolation, name: string, rule: RuleLike | null): string {
  if (i18n.lang === 'en') return v.message;
  if (v.code === 'disabled') return t('errDisabled');
  if (v.code === 'size') return t('errSizeRule', { name, limit: i18n.size((rule?.maxSizeKb ?? 0) * 1024) });
  const ext = extensionOf(name);
  let allowed: string[] = [];
  try {
    allowed = rule ? parseAllowedTypes(rule.allowedTypes) : [];
  } catch {
    allowed = [];
  }
  return t('errTypeRule', {
    name,
    ext: ext ? `.${ext}` : '—',
    allowed: new Intl.ListFormat(i18n.tag, { type: 'unit' }).format(allowed),
  });
}
