const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}/;
/** Words around a name in answers like "Hi, my name is Ada and my email is …". */
const FILLER = [
  /^\s*(?:hi|hello|hey|hallo|bonjour|hola|olá)\b[\s!,.]*/i,
  /\b(?:my\s+)?(?:e-?mail(?:\s+address)?|name)(?:\s+is|\s*:)?/gi,
  /\b(?:i['’]?m|i\s+am|this\s+is|it['’]s)\b/gi,
  /\band\b/gi,
];

/** A visitor's free-text answer to "your name and email?": the first email, the rest as the name. */
export function contactFromAnswer(text: string): { name?: string; email?: string } {
  const email = EMAIL.exec(text)?.[0];
  let rest = email ? text.replace(email, ' ') : text;
  for (const words of FILLER) rest = rest.replace(words, ' ');
  rest = rest
    .replace(/[,;:<>()"|!?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.\-–—]+|[\s.\-–—]+$/g, '');
  const name = rest && rest.length <= 100 && !rest.includes('@') ? rest : undefined;
  return { name, email: email?.toLowerCase().slice(0, 254) };
}
