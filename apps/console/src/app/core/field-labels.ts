/** What people call the fields the API and the shared validators name. */
const LABELS: Record<string, string> = {
  allowedTypes: 'allowed file types',
  maxSizeKb: 'maximum size (KB)',
  prompt: 'prompt',
  text: 'text',
  type: 'step type',
  botName: 'bot name',
  skippable: '"Visitor can skip"',
  url: 'URL',
  eventsUrl: 'events URL',
};

/** `steps.0.allowedTypes` → `Step 1, allowed file types` (the page numbers steps from 1). */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part === 'steps' && next !== undefined && /^\d+$/.test(next)) {
      out.push(`Step ${Number(next) + 1}`);
      i++;
    } else if (part === 'visitor' || part === 'operator') {
      out.push(part === 'visitor' ? 'Visitors' : 'Operators');
    } else {
      out.push(LABELS[part] ?? part);
    }
  }
  const text = out.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A message with every internal field name (`steps.1.prompt`, `allowedTypes`) replaced by its label. */
export function humanizeFieldNames(message: string): string {
  return message
    .replace(/\b(?:steps\.\d+|visitor|operator)\.[A-Za-z]+\b|\bsteps\.\d+\b/g, (path) => fieldLabel(path))
    .replace(/\bin (allowedTypes|maxSizeKb)\b/g, (_, f: string) => `in the ${LABELS[f]}`)
    .replace(/\b(allowedTypes|maxSizeKb|botName|eventsUrl)\b/g, (f: string) => LABELS[f] ?? f);
}
