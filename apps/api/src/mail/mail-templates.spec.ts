import { mailLocale, renderMail } from './mail-templates';
import { MAIL_LOCALES, MAIL_TEXTS } from './mail-texts';

describe('renderMail', () => {
  const content = {
    vars: { account: 'Acme <Support>', inviter: 'Ann', role: 'admin', hours: 168 },
    link: 'https://satchel.example/console/invitation?token=inv_abc',
  };

  it('renders text and HTML with the link, escaping what people typed', () => {
    const mail = renderMail('invitation', 'en', content);
    expect(mail.subject).toBe('You are invited to Acme <Support> on Satchel');
    expect(mail.text).toContain(
      'Accept the invitation: https://satchel.example/console/invitation?token=inv_abc',
    );
    expect(mail.html).toContain('Acme &lt;Support&gt;');
    expect(mail.html).toContain('href="https://satchel.example/console/invitation?token=inv_abc"');
  });

  it('uses the account language, falls back to English, and sets rtl for Arabic', () => {
    expect(renderMail('invitation', 'de-DE', content).subject).toBe(
      'Einladung zu Acme <Support> auf Satchel',
    );
    expect(renderMail('invitation', 'xx', content).subject).toBe(
      'You are invited to Acme <Support> on Satchel',
    );
    expect(renderMail('invitation', 'ar', content).html).toContain('dir="rtl"');
    expect(mailLocale('pt_BR')).toBe('pt');
  });

  it('has every email in every shipped language', () => {
    for (const locale of MAIL_LOCALES)
      for (const kind of Object.keys(MAIL_TEXTS.en) as (keyof typeof MAIL_TEXTS.en)[])
        expect(MAIL_TEXTS[locale][kind].subject.length).toBeGreaterThan(0);
  });
});
