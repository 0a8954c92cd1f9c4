// Every `docs/api/<file>.md §N` that code and docs cite must be a section of that file, and the endpoint labels
// (V15, M5, …) and quoted subsection names ("Listing gap") they cite must be there too. Renumbering a section of
// docs/api/ without updating its citations fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'server', 'e2e', 'bench', 'scripts', 'docs', 'README.md', 'CONTRIBUTING.md'];
const TEXT = /\.(ts|tsx|md)$/;

type Citation = { file: string; sections: string[]; label?: string; name?: string; where: string };

const SECTION = String.raw`\d+(?:\.\d+)?`;
// "§4.1", "§4.1, §8", "§4-§6", "§6–7", "§4.0 and §6.3", "§4.1/§4.2"; later items need their own § except after a dash.
const CITATION = new RegExp(
  String.raw`docs/api/([a-z]+)\.md\s+§(${SECTION})((?:\s*[–-]\s*§?${SECTION}|\s*(?:,|/|\band\b|\bor\b)\s*§${SECTION})*)(?:\s*,?\s*"([^"\n]+)")?`,
  'g',
);
const LABEL = /docs\/api\/(selections)\.md\s+([VRCM]\d+)\b/g;

/** The citations in one text. */
function citationsIn(text: string, where: string): Citation[] {
  const found: Citation[] = [];
  for (const m of text.matchAll(CITATION)) {
    const sections = [m[2] as string, ...((m[3] ?? '').match(/\d+(?:\.\d+)?/g) ?? [])];
    found.push({ file: m[1] as string, sections, name: m[4], where });
  }
  for (const m of text.matchAll(LABEL)) found.push({ file: m[1] as string, sections: [], label: m[2], where });
  return found;
}

/** The section numbers of a docs/api file: headings `## 6. Paging`, `### 6.1 The list wrapper`. */
function sectionsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)?)[. ]/gm)) out.add(m[1] as string);
  return out;
}

function files(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return TEXT.test(path) ? [path] : [];
  return readdirSync(full)
    .filter((entry) => entry !== 'node_modules' && !entry.startsWith('.'))
    .flatMap((entry) => files(join(path, entry)));
}

const docs = new Map<string, string>();
function doc(name: string): string | undefined {
  if (!docs.has(name)) {
    const path = join(root, 'docs/api', `${name}.md`);
    docs.set(name, statSync(path, { throwIfNoEntry: false }) ? readFileSync(path, 'utf8') : '');
  }
  return docs.get(name) || undefined;
}

const SELF = relative(root, import.meta.filename);
const citations = SCANNED.flatMap(files)
  .filter((path) => path !== SELF)
  .flatMap((path) => citationsIn(readFileSync(join(root, path), 'utf8'), path));

describe('citations of docs/api/', () => {
  it('reads lists and ranges of sections, labels and quoted names', () => {
    const text =
      'see docs/api/emailings.md §4.1, §8, §10 and docs/api/conventions.md §6–7; docs/api/databases.md §8, "Listing gap"; docs/api/selections.md V15';
    expect(citationsIn(text, 'x')).toEqual([
      { file: 'emailings', sections: ['4.1', '8', '10'], name: undefined, where: 'x' },
      { file: 'conventions', sections: ['6', '7'], name: undefined, where: 'x' },
      { file: 'databases', sections: ['8'], name: 'Listing gap', where: 'x' },
      { file: 'selections', sections: [], label: 'V15', where: 'x' },
    ]);
    expect([...sectionsOf('## 6. Paging\n### 6.1 The list wrapper\n#### not a number\n')]).toEqual(['6', '6.1']);
  });

  it('finds the citations in the repository', () => {
    expect(citations.length).toBeGreaterThan(100);
  });

  it('every cited file, section, label and quoted name exists', () => {
    const missing: string[] = [];
    for (const c of citations) {
      const text = doc(c.file);
      if (!text) {
        missing.push(`${c.where}: docs/api/${c.file}.md does not exist`);
        continue;
      }
      const sections = sectionsOf(text);
      for (const s of c.sections) if (!sections.has(s)) missing.push(`${c.where}: docs/api/${c.file}.md has no §${s}`);
      if (c.label && !new RegExp(String.raw`\| ${c.label} \|`).test(text))
        missing.push(`${c.where}: docs/api/${c.file}.md has no row ${c.label}`);
      if (c.name && !text.toLowerCase().includes(c.name.toLowerCase()))
        missing.push(`${c.where}: docs/api/${c.file}.md has no "${c.name}"`);
    }
    expect(missing).toEqual([]);
  });
});
