import { describe, expect, it } from 'vitest';
import { choiceMode, choicesToPattern, choiceValueProblem, fieldChoices, patternToChoices } from './choice-value.utils';

describe('choice values', () => {
  it('reads the choices from the field value, one a line, without the default mark', () => {
    expect(fieldChoices('NL*\r\nBE\nDE\n\n')).toEqual(['NL', 'BE', 'DE']);
  });

  it('one choice for equals / not equals, several for a pattern, free text otherwise', () => {
    expect(choiceMode('equals')).toBe('one');
    expect(choiceMode(undefined)).toBe('one');
    expect(choiceMode('not equals')).toBe('one');
    expect(choiceMode('regexp')).toBe('several');
    expect(choiceMode('contains')).toBe('free');
  });

  it('writes several choices as an anchored alternation and reads it back', () => {
    const choices = ['NL', 'B.E', 'a|b'];
    const pattern = choicesToPattern(['NL', 'B.E', 'a|b']);
    expect(pattern).toBe('^(NL|B\\.E|a\\|b)$');
    expect(new RegExp(pattern).test('B.E')).toBe(true);
    expect(new RegExp(pattern).test('BxE')).toBe(false);
    expect(patternToChoices(pattern, choices)).toEqual(['NL', 'B.E', 'a|b']);
    expect(patternToChoices('^NL$', choices)).toEqual(['NL']);
    expect(patternToChoices('', choices)).toEqual([]);
    expect(patternToChoices('^N', choices)).toBeNull();
    expect(patternToChoices('^(NL|XX)$', choices)).toBeNull();
  });

  it('refuses a choice field value that was never chosen; "(empty)" is a choice', () => {
    expect(choiceValueProblem({ comparison: 'equals' }, 'select')).toBe('errChooseValue');
    expect(choiceValueProblem({ comparison: 'equals', value: '' }, 'select')).toBeNull();
    expect(choiceValueProblem({ comparison: 'not equals', value: 'NL' }, 'select')).toBeNull();
    expect(choiceValueProblem({ comparison: 'regexp', value: '' }, 'select')).toBe('errChooseValue');
    expect(choiceValueProblem({ comparison: 'equals', 'other-field': '12' }, 'select')).toBeNull();
    expect(choiceValueProblem({ comparison: 'equals' }, 'text')).toBeNull();
  });
});
