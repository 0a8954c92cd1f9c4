import type { Locale } from '@/i18n/i18n';
import type { ConditionLabels } from '../condition-labels';
import { sentenceMessages } from '../sentence-messages';
import { type ConditionValue, TYPE_SPECS } from './condition-catalog';
import type { ConditionDraft, SelectionDraft } from './draft.utils';
import { parseMutation } from './time-window.utils';

/**
 * The selection as one plain-language sentence, in English or Dutch:
 * "Profiles where (city is "Delft" and …) or not (…)." Names come from the lookup so IDs never show.
 */
export type NameLookup = {
  field: (ref: string) => string;
  interest: (ref: string) => string;
  view: (ref: string) => string;
  miniview: (ref: string) => string;
};

const W = { en: sentenceMessages.en, nl: sentenceMessages.nl };
type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
const UNITS = new Set<string>(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
function unitName(lang: Locale, unit: string, one: boolean): string {
  if (!UNITS.has(unit)) return unit;
  return W[lang][`unit_${unit as Unit}_${one ? 'one' : 'many'}`];
}

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
const str = (v: ConditionValue | undefined) => (typeof v === 'string' ? v : '');
const quote = (s: string) => `“${s}”`;

function bound(props: Record<string, ConditionValue>, side: 'after' | 'before', lang: Locale): string {
  const m = parseMutation(props[`${side}-mutation`]);
  if (m) {
    if (m.count === '0' && m.floorto === 'day') return W[lang].today;
    if (m.count === '0') return fill(W[lang].now, { unit: unitName(lang, m.floorto, true) });
    const unit = unitName(lang, m.unit, Number(m.count) === 1);
    return fill(m.direction === 'minus' ? W[lang].ago : W[lang].ahead, { n: m.count, unit });
  }
  return str(props[`${side}-time`]);
}

export function describeWindow(props: Record<string, ConditionValue>, lang: Locale): string {
  const a = bound(props, 'after', lang);
  const b = bound(props, 'before', lang);
  if (a && b) return a === b ? a : fill(W[lang].between, { a, b });
  if (a) return fill(W[lang].after, { a });
  if (b) return fill(W[lang].before, { a: b });
  return '';
}

export function describeCondition(c: ConditionDraft, lang: Locale, labels: ConditionLabels, names: NameLookup): string {
  const p = c.props;
  const opt = (prop: string) => labels.option(prop, str(p[prop]));
  const w = W[lang];
  const withWindow = (what: string) => {
    const window = TYPE_SPECS[c.type].time ? describeWindow(p, lang) : '';
    return window ? fill(w.when, { what, window }) : what;
  };
  switch (c.type) {
    case 'Field': {
      const field = names.field(str(p.field));
      const cmp = str(p.comparison) || 'equals';
      if (cmp === 'is_email' || cmp === 'is-numeric') return `${field} ${opt('comparison')}`;
      const rhs = str(p['other-field']) ? names.field(str(p['other-field'])) : quote(str(p.value));
      return `${field} ${labels.option('comparison', cmp)} ${rhs}`;
    }
    case 'Interest': {
      const target = str(p['match-mode']).includes('group') ? quote(str(p['interest-group'])) : quote(names.interest(str(p.interest)));
      return `${opt('match-mode')} ${target}`;
    }
    case 'Date': {
      const ignore = p['compare-mode'] === 'ignoreyear' ? ` (${w.ignoringYear})` : '';
      return withWindow(`${names.field(str(p.field))}${ignore}`);
    }
    case 'Change': {
      const detail = str(p.field) ? ` (${names.field(str(p.field))})` : str(p.interest) ? ` (${names.interest(str(p.interest))})` : '';
      return withWindow(`${opt('change-type')}${detail}`);
    }
    case 'DoubleField': {
      const fields = (Array.isArray(p.fields) ? p.fields : []).map(names.field).join(', ');
      return `${opt('match-mode')} ${fill(w.fieldsOf, { fields })}`;
    }
    case 'Email':
    case 'Sms':
    case 'Fax': {
      const mode = str(p['match-mode']);
      let what = `${labels.type(c.type)}: ${opt('match-mode')}`;
      if (mode.includes('document')) what += ` ${quote(str(p.document))}`;
      if (
        c.type === 'Email' &&
        (mode.endsWith('something') || mode.endsWith('_document')) &&
        p['required-result'] &&
        p['required-result'] !== 'nocheck'
      ) {
        what += `, ${opt('required-result')}`;
        if (p['required-result'] === 'clickonurl') what += ` (${fill(w.linkContaining, { url: str(p['clicked-url']) })})`;
      }
      if ((mode.endsWith('something') || mode.endsWith('_document')) && !(p.operator === '>' && str(p.number) === '0') && str(p.number))
        what += `, ${fill(w.messages, { op: opt('operator'), n: str(p.number) })}`;
      return withWindow(what);
    }
    case 'Survey':
      return withWindow(`${labels.type('Survey')} ${quote(str(p['survey-name']))}: ${opt('submitter')}`);
    case 'LastContact':
    case 'ToDo':
      return withWindow(`${labels.type(c.type)}: ${opt('match-mode')}${str(p.contains) ? ` ${quote(str(p.contains))}` : ''}`);
    case 'Export':
      return withWindow(labels.type('Export'));
    case 'MiniView':
      return fill(w.subprofilesIn, {
        min: str(p['min-subprofiles']) || '1',
        max: str(p['max-subprofiles']) || '∞',
        name: names.miniview(str(p['mini-view'])),
      });
    case 'ReferView': {
      const inside = fill(w.inSelection, { name: names.view(str(p['refer-view'])) });
      return p['check-type'] === 'no' ? `${w.not} ${inside}` : inside;
    }
    case 'Part': {
      const fields = (Array.isArray(p.fields) ? p.fields : []).map(names.field).join(', ') || w.byId;
      return fill(w.part, { begin: str(p.begin), length: str(p.length), fields });
    }
  }
}

export function describeSelection(
  draft: SelectionDraft,
  opts: { lang: Locale; labels: ConditionLabels; names: NameLookup; subprofiles: boolean; parentName: string },
): string {
  const w = W[opts.lang];
  const subject = opts.subprofiles ? w.subjectSubprofiles : w.subjectProfiles;
  const active = draft.rules.filter((r) => !r.disabled && r.conditions.length > 0);
  if (active.length === 0) return fill(w.all, { subject: subject.toLowerCase(), parent: opts.parentName });
  const parts = active.map((r) => {
    const body = r.conditions.map((c) => describeCondition(c, opts.lang, opts.labels, opts.names)).join(` ${w.and} `);
    const wrapped = active.length > 1 || r.inversed ? `(${body})` : body;
    return r.inversed ? `${w.not} ${wrapped}` : wrapped;
  });
  return `${subject} ${w.where} ${parts.join(` ${w.or} `)}.`;
}
