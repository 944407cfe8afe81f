import { describeDecision, explainViolation, resolveRule, type RuleLevelsInput } from './rule-levels';

const MB = 1024;
const platform = { enabled: true, allowedTypes: 'pdf|jpg', maxSizeKb: 5 * MB };
const noCeiling = { maxSizeKb: 100 * MB, allowedTypes: null };
const input = (over: Partial<RuleLevelsInput> = {}): RuleLevelsInput => ({
  role: 'operator',
  platform,
  ceiling: noCeiling,
  account: null,
  groups: [],
  ...over,
});
const unset = { enabled: null, allowedTypes: null, maxSizeKb: null };

describe('resolveRule', () => {
  it('an account without its own rule gets the platform default, decided by the platform', () => {
    const r = resolveRule(input());
    expect(r).toMatchObject(platform);
    expect(r.decidedBy).toEqual({
      enabled: { level: 'platform' },
      allowedTypes: { level: 'platform' },
      maxSizeKb: { level: 'platform' },
    });
  });

  it("the account's rule for the role overrides the platform field by field; unset fields inherit", () => {
    const r = resolveRule(input({ account: { ...unset, maxSizeKb: 10 * MB } }));
    expect(r).toMatchObject({ enabled: true, allowedTypes: 'pdf|jpg', maxSizeKb: 10 * MB });
    expect(r.decidedBy.maxSizeKb).toEqual({ level: 'account' });
    expect(r.decidedBy.allowedTypes).toEqual({ level: 'platform' });
    const off = resolveRule(input({ account: { ...unset, enabled: false } }));
    expect(off.enabled).toBe(false);
    expect(off.decidedBy.enabled).toEqual({ level: 'account' });
  });

  it("a group's rule replaces the account's and the platform's entirely", () => {
    const r = resolveRule(
      input({
        account: { enabled: false, allowedTypes: 'pdf', maxSizeKb: MB },
        groups: [{ name: 'Billing', rule: { enabled: true, allowedTypes: 'xlsx|pdf', maxSizeKb: 25 * MB } }],
      }),
    );
    expect(r).toMatchObject({ enabled: true, allowedTypes: 'xlsx|pdf', maxSizeKb: 25 * MB });
    expect(r.decidedBy.maxSizeKb).toEqual({ level: 'group', name: 'Billing' });
    expect(r.decidedBy.enabled).toEqual({ level: 'group', name: 'Billing' });
  });

  it('a disabled group disables uploads even when the account allows them', () => {
    const r = resolveRule(
      input({ groups: [{ name: 'Interns', rule: { enabled: false, allowedTypes: 'pdf', maxSizeKb: MB } }] }),
    );
    expect(r.enabled).toBe(false);
    expect(r.decidedBy.enabled).toEqual({ level: 'group', name: 'Interns' });
  });

  it('in several groups, the broadest enabled rule applies: types united, the largest size', () => {
    const r = resolveRule(
      input({
        groups: [
          { name: 'Billing', rule: { enabled: true, allowedTypes: 'xlsx', maxSizeKb: 25 * MB } },
          { name: 'Design', rule: { enabled: true, allowedTypes: 'png|gif', maxSizeKb: 50 * MB } },
          { name: 'Interns', rule: { enabled: false, allowedTypes: 'zip', maxSizeKb: 999 * MB } },
        ],
      }),
    );
    expect(r).toMatchObject({ enabled: true, allowedTypes: 'xlsx|png|gif', maxSizeKb: 50 * MB });
    expect(r.decidedBy.maxSizeKb).toEqual({ level: 'group', name: 'Design' });
    expect(r.decidedBy.allowedTypes).toEqual({ level: 'group', name: 'Billing, Design' });
  });

  it('the platform ceiling caps the size of every level', () => {
    const ceiling = { maxSizeKb: 8 * MB, allowedTypes: null };
    const account = resolveRule(input({ ceiling, account: { ...unset, maxSizeKb: 20 * MB } }));
    expect(account.maxSizeKb).toBe(8 * MB);
    expect(account.decidedBy.maxSizeKb).toEqual({ level: 'ceiling' });
    const group = resolveRule(
      input({
        ceiling,
        groups: [{ name: 'B', rule: { enabled: true, allowedTypes: 'pdf', maxSizeKb: 20 * MB } }],
      }),
    );
    expect(group.maxSizeKb).toBe(8 * MB);
    expect(group.decidedBy.maxSizeKb).toEqual({ level: 'ceiling' });
    expect(resolveRule(input({ ceiling })).decidedBy.maxSizeKb).toEqual({ level: 'platform' });
  });

  it('the platform ceiling removes types it does not permit, and disables a rule left with none', () => {
    const ceiling = { maxSizeKb: 100 * MB, allowedTypes: 'pdf|png' };
    const r = resolveRule(input({ ceiling }));
    expect(r.allowedTypes).toBe('pdf');
    expect(r.decidedBy.allowedTypes).toEqual({ level: 'ceiling' });
    const none = resolveRule(input({ ceiling, account: { ...unset, allowedTypes: 'xlsx' } }));
    expect(none.enabled).toBe(false);
    expect(none.decidedBy.enabled).toEqual({ level: 'ceiling' });
  });
});

describe('explainViolation', () => {
  const billing = resolveRule(
    input({
      groups: [{ name: 'Billing', rule: { enabled: true, allowedTypes: 'xlsx', maxSizeKb: 25 * MB } }],
    }),
  );
  const plain = resolveRule(input({ account: { ...unset, allowedTypes: 'xlsx|pdf' } }));
  const sheet = { name: 'q3.xlsx', size: 20 * 1024 * 1024 };

  it('lets a Billing operator send a 20 MB .xlsx', () => {
    expect(explainViolation(billing, sheet, 'operator')).toBeNull();
  });

  it('tells another operator which level set the limit they hit', () => {
    expect(explainViolation(plain, sheet, 'operator')).toEqual({
      code: 'size',
      message: 'q3.xlsx: file is larger than the limit of 5120 KB',
      decidedBy: { level: 'platform' },
      explanation: 'q3.xlsx: file is larger than the limit of 5120 KB (set by the platform default)',
    });
    expect(explainViolation(plain, { name: 'a.jpg', size: 1 }, 'operator')?.explanation).toBe(
      "a.jpg: file type .jpg is not allowed (allowed: xlsx, pdf) (set by this account's operator rule)",
    );
  });

  it('describes each level', () => {
    expect(describeDecision({ level: 'group', name: 'Billing' }, 'operator')).toBe('the group Billing');
    expect(describeDecision({ level: 'group', name: 'A, B' }, 'operator')).toBe('the groups A, B');
    expect(describeDecision({ level: 'ceiling' }, 'visitor')).toBe('the platform limit');
    expect(describeDecision({ level: 'account' }, 'visitor')).toBe("this account's visitor rule");
  });
});
