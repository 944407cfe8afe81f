import {
  checkAccountSettingsChange,
  checkAccountCreate,
  checkTokenChange,
  checkUserChange,
  checkUserCreate,
  type PolicyActor,
  type PolicyTarget,
} from './user-change-policy';

const A = 'account-a';
const B = 'account-b';
const actor = (
  role: PolicyActor['role'],
  userId: string | null = `${role}-1`,
  accountId = A,
): PolicyActor => ({
  kind: role === 'api' ? 'api' : role === 'visitor' ? 'visitor' : 'user',
  role,
  accountId,
  userId,
});
const target = (role: PolicyTarget['role'], id = `${role}-2`, accountId = A): PolicyTarget => ({
  id,
  accountId,
  role,
  active: true,
});
const code = (v: ReturnType<typeof checkUserChange>) =>
  v.allowed ? 'ALLOWED' : `${v.code}:${v.field ?? ''}`;

describe('checkUserChange', () => {
  it.each(['password', 'name', 'email', 'role', 'active'] as const)(
    'refuses an admin every owner field (%s)',
    (field) => {
      const change = { password: 'x'.repeat(8), name: 'n', email: 'e@x.io', role: 'admin', active: false }[
        field
      ];
      expect(code(checkUserChange(actor('admin'), target('owner'), { [field]: change }, 1))).toBe(
        `FORBIDDEN_FIELD:${field}`,
      );
    },
  );

  it('lets the owner change another owner, and an admin change admins and operators', () => {
    expect(code(checkUserChange(actor('owner'), target('owner'), { password: 'new-pass-1' }, 2))).toBe(
      'ALLOWED',
    );
    expect(code(checkUserChange(actor('admin'), target('admin'), { name: 'A' }, 1))).toBe('ALLOWED');
    expect(code(checkUserChange(actor('admin'), target('operator'), { role: 'admin' }, 1))).toBe('ALLOWED');
    expect(code(checkUserChange(actor('admin'), target('admin'), { active: false }, 1))).toBe('ALLOWED');
  });

  it('lets only the owner grant the owner role', () => {
    expect(code(checkUserChange(actor('admin'), target('operator'), { role: 'owner' }, 1))).toBe(
      'FORBIDDEN_ROLE:role',
    );
    expect(code(checkUserChange(actor('owner'), target('admin'), { role: 'owner' }, 1))).toBe('ALLOWED');
  });

  it('refuses self-promotion, self-demotion and self-deactivation', () => {
    const me = target('admin', 'admin-1');
    expect(code(checkUserChange(actor('admin'), me, { role: 'owner' }, 1))).toBe('FORBIDDEN_ROLE:role');
    expect(code(checkUserChange(actor('admin'), me, { role: 'operator' }, 1))).toBe('SELF_LOCKOUT:role');
    expect(code(checkUserChange(actor('admin'), me, { active: false }, 1))).toBe('SELF_LOCKOUT:active');
    expect(code(checkUserChange(actor('admin'), me, { name: 'Me', password: 'new-pass-1' }, 1))).toBe(
      'ALLOWED',
    );
  });

  it('never demotes or deactivates the last active owner, even by another owner', () => {
    expect(code(checkUserChange(actor('owner'), target('owner'), { role: 'admin' }, 1))).toBe(
      'LAST_OWNER:role',
    );
    expect(code(checkUserChange(actor('owner'), target('owner'), { active: false }, 1))).toBe(
      'LAST_OWNER:active',
    );
    expect(code(checkUserChange(actor('owner'), target('owner'), { active: false }, 2))).toBe('ALLOWED');
  });

  it('lets operators change only their own name, email and password', () => {
    const me = target('operator', 'operator-1');
    expect(code(checkUserChange(actor('operator'), me, { name: 'O', password: 'new-pass-1' }, 1))).toBe(
      'ALLOWED',
    );
    expect(code(checkUserChange(actor('operator'), me, { role: 'admin' }, 1))).toBe('SELF_LOCKOUT:role');
    expect(code(checkUserChange(actor('operator'), target('operator'), { name: 'x' }, 1))).toBe(
      'FORBIDDEN_TARGET:name',
    );
    expect(code(checkUserChange(actor('operator'), target('admin'), { role: 'operator' }, 1))).toBe(
      'FORBIDDEN_TARGET:role',
    );
  });

  it('refuses API tokens, visitors and other accounts', () => {
    expect(code(checkUserChange(actor('api', null), target('operator'), { name: 'x' }, 1))).toBe(
      'FORBIDDEN_ACTOR:',
    );
    expect(code(checkUserChange(actor('visitor', null), target('operator'), { name: 'x' }, 1))).toBe(
      'FORBIDDEN_ACTOR:',
    );
    expect(code(checkUserChange(actor('owner'), target('operator', 'o', B), { name: 'x' }, 1))).toBe(
      'FORBIDDEN_ACCOUNT:',
    );
  });
});

describe('checkUserCreate / checkTokenChange / checkAccountCreate', () => {
  it('follows the same order', () => {
    expect(checkUserCreate(actor('admin'), A, 'admin').allowed).toBe(true);
    expect(checkUserCreate(actor('admin'), A, 'owner')).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      field: 'role',
    });
    expect(checkUserCreate(actor('owner'), A, 'owner').allowed).toBe(true);
    expect(checkUserCreate(actor('operator'), A, 'operator')).toMatchObject({ code: 'FORBIDDEN_ACTOR' });
    expect(checkUserCreate(actor('admin'), B, 'operator')).toMatchObject({ code: 'FORBIDDEN_ACCOUNT' });
    expect(checkTokenChange(actor('admin'), A).allowed).toBe(true);
    expect(checkTokenChange(actor('operator'), A)).toMatchObject({ code: 'FORBIDDEN_ACTOR' });
    expect(checkTokenChange(actor('api', null), A)).toMatchObject({ code: 'FORBIDDEN_ACTOR' });
    expect(checkTokenChange(actor('admin'), B)).toMatchObject({ code: 'FORBIDDEN_ACCOUNT' });
    expect(checkAccountCreate(actor('owner')).allowed).toBe(true);
    expect(checkAccountCreate(actor('admin')).allowed).toBe(false);
  });
});

describe('checkAccountSettingsChange (allowed domains, widget key)', () => {
  it('lets admins and the owner change their own account only', () => {
    expect(checkAccountSettingsChange(actor('admin'), A).allowed).toBe(true);
    expect(checkAccountSettingsChange(actor('owner'), A).allowed).toBe(true);
    expect(checkAccountSettingsChange(actor('admin'), B)).toMatchObject({ code: 'FORBIDDEN_ACCOUNT' });
    for (const role of ['operator', 'api', 'visitor'] as const)
      expect(checkAccountSettingsChange(actor(role, null), A)).toMatchObject({ code: 'FORBIDDEN_ACTOR' });
  });
});
