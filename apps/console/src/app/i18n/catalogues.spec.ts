import ar from '../../i18n/ar.json';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import fr from '../../i18n/fr.json';
import pt from '../../i18n/pt.json';
import { AUDIT_ACTIONS } from '@satchel/contracts';
import { LANGS } from './langs';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<\/?(\w+)/g)].map((m) => m[0]).sort();

const english = flatten(en);
const others: Record<string, Tree> = { de, fr, es, pt, ar };

describe('console catalogues', () => {
  it('ships one catalogue per language in the menu', () => {
    expect(Object.keys(others).sort()).toEqual(
      LANGS.map((l) => l.code)
        .filter((c) => c !== 'en')
        .sort(),
    );
  });

  it('labels every audit action the API writes', () => {
    const missing = Object.values(AUDIT_ACTIONS).filter((a) => !english.has(`audit.actions.${a}`));
    expect(missing).toEqual([]);
  });

  it('has no empty English text', () => {
    expect([...english].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  it.each(Object.keys(others))('%s has exactly the keys of en, none empty', (lang) => {
    const cat = flatten(others[lang]);
    const missing = [...english.keys()].filter((k) => !cat.has(k));
    const extra = [...cat.keys()].filter((k) => !english.has(k));
    const empty = [...cat].filter(([, v]) => !v.trim()).map(([k]) => k);
    expect({ missing, extra, empty }).toEqual({ missing: [], extra: [], empty: [] });
  });

  it.each(Object.keys(others))('%s keeps every {{placeholder}} and HTML tag of en', (lang) => {
    const cat = flatten(others[lang]);
    const wrong = [...english]
      .filter(([k, v]) => {
        const t = cat.get(k) ?? '';
        return (
          JSON.stringify(placeholders(t)) !== JSON.stringify(placeholders(v)) ||
          JSON.stringify(tags(t)) !== JSON.stringify(tags(v))
        );
      })
      .map(([k]) => k);
    expect(wrong).toEqual([]);
  });
});
