/** Email texts per locale; `{name}` placeholders are filled by `renderMail`. English is the fallback. */
export const MAIL_LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'ar'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export type MailKind = 'invitation' | 'password-reset' | 'operator-notification' | 'transcript';

export interface MailTexts {
  subject: string;
  intro: string;
  action?: string;
  outro?: string;
}

type Catalogue = Record<MailKind, MailTexts>;

const en: Catalogue = {
  invitation: {
    subject: 'You are invited to {account} on Satchel',
    intro: '{inviter} invited you to join {account} as {role}.',
    action: 'Accept the invitation',
    outro: 'This link expires in {hours} hours. If you did not expect it, ignore this email.',
  },
  'password-reset': {
    subject: 'Reset your Satchel password',
    intro: 'Someone asked to reset the password of your Satchel account.',
    action: 'Choose a new password',
    outro: 'This link works once and expires in {minutes} minutes. If it was not you, ignore this email.',
  },
  'operator-notification': {
    subject: '{count} update(s) waiting in {account}',
    intro: 'While you were away:',
    action: 'Open the inbox',
  },
  transcript: {
    subject: 'Your conversation with {account}',
    intro: 'Here is the transcript of your chat.',
    outro: 'File links expire; download what you need soon.',
  },
};

const de: Catalogue = {
  invitation: {
    subject: 'Einladung zu {account} auf Satchel',
    intro: '{inviter} hat Sie als {role} zu {account} eingeladen.',
    action: 'Einladung annehmen',
    outro: 'Dieser Link läuft in {hours} Stunden ab.',
  },
  'password-reset': {
    subject: 'Satchel-Passwort zurücksetzen',
    intro: 'Jemand möchte das Passwort Ihres Satchel-Kontos zurücksetzen.',
    action: 'Neues Passwort wählen',
    outro: 'Der Link gilt einmal und {minutes} Minuten lang.',
  },
  'operator-notification': {
    subject: '{count} Neuigkeit(en) in {account}',
    intro: 'Während Sie weg waren:',
    action: 'Posteingang öffnen',
  },
  transcript: {
    subject: 'Ihr Gespräch mit {account}',
    intro: 'Hier ist der Verlauf Ihres Chats.',
    outro: 'Datei-Links laufen ab.',
  },
};

const fr: Catalogue = {
  invitation: {
    subject: 'Invitation à rejoindre {account} sur Satchel',
    intro: '{inviter} vous invite à rejoindre {account} en tant que {role}.',
    action: "Accepter l'invitation",
    outro: 'Ce lien expire dans {hours} heures.',
  },
  'password-reset': {
    subject: 'Réinitialiser votre mot de passe Satchel',
    intro: 'Une réinitialisation du mot de passe de votre compte Satchel a été demandée.',
    action: 'Choisir un nouveau mot de passe',
    outro: 'Ce lien ne sert qu’une fois et expire dans {minutes} minutes.',
  },
  'operator-notification': {
    subject: '{count} nouveauté(s) dans {account}',
    intro: 'Pendant votre absence :',
    action: 'Ouvrir la boîte de réception',
  },
  transcript: {
    subject: 'Votre conversation avec {account}',
    intro: 'Voici la transcription de votre discussion.',
    outro: 'Les liens des fichiers expirent.',
  },
};

const es: Catalogue = {
  invitation: {
    subject: 'Invitación a {account} en Satchel',
    intro: '{inviter} te invitó a unirte a {account} como {role}.',
    action: 'Aceptar la invitación',
    outro: 'Este enlace caduca en {hours} horas.',
  },
  'password-reset': {
    subject: 'Restablece tu contraseña de Satchel',
    intro: 'Alguien pidió restablecer la contraseña de tu cuenta de Satchel.',
    action: 'Elegir una contraseña nueva',
    outro: 'El enlace sirve una vez y caduca en {minutes} minutos.',
  },
  'operator-notification': {
    subject: '{count} novedad(es) en {account}',
    intro: 'Mientras no estabas:',
    action: 'Abrir la bandeja',
  },
  transcript: {
    subject: 'Tu conversación con {account}',
    intro: 'Esta es la transcripción de tu chat.',
    outro: 'Los enlaces de archivos caducan.',
  },
};

const pt: Catalogue = {
  invitation: {
    subject: 'Convite para {account} no Satchel',
    intro: '{inviter} convidou você para {account} como {role}.',
    action: 'Aceitar o convite',
    outro: 'Este link expira em {hours} horas.',
  },
  'password-reset': {
    subject: 'Redefina sua senha do Satchel',
    intro: 'Alguém pediu para redefinir a senha da sua conta Satchel.',
    action: 'Escolher uma nova senha',
    outro: 'O link vale uma vez e expira em {minutes} minutos.',
  },
  'operator-notification': {
    subject: '{count} novidade(s) em {account}',
    intro: 'Enquanto você estava fora:',
    action: 'Abrir a caixa de entrada',
  },
  transcript: {
    subject: 'Sua conversa com {account}',
    intro: 'Aqui está a transcrição do seu chat.',
    outro: 'Os links dos arquivos expiram.',
  },
};

const ar: Catalogue = {
  invitation: {
    subject: 'دعوة للانضمام إلى {account} على Satchel',
    intro: 'دعاك {inviter} للانضمام إلى {account} بدور {role}.',
    action: 'قبول الدعوة',
    outro: 'تنتهي صلاحية هذا الرابط خلال {hours} ساعة.',
  },
  'password-reset': {
    subject: 'إعادة تعيين كلمة مرور Satchel',
    intro: 'طلب أحدهم إعادة تعيين كلمة مرور حسابك في Satchel.',
    action: 'اختيار كلمة مرور جديدة',
    outro: 'يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال {minutes} دقيقة.',
  },
  'operator-notification': {
    subject: '{count} تحديث(ات) في {account}',
    intro: 'أثناء غيابك:',
    action: 'فتح صندوق الوارد',
  },
  transcript: {
    subject: 'محادثتك مع {account}',
    intro: 'إليك نص محادثتك.',
    outro: 'تنتهي صلاحية روابط الملفات.',
  },
};

export const MAIL_TEXTS: Record<MailLocale, Catalogue> = { en, de, fr, es, pt, ar };

/** Right-to-left locales get `dir="rtl"` in the HTML part. */
export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar']);
