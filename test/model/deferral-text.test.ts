// The text the deferral matcher reads (src/model/deferral-text.ts): lower case, abbreviations,
// slips and arrows spelled out, positions mapped back to the team's own words; and the clauses and
// words around a match.
import { describe, expect, it } from 'vitest';
import { CLAUSE_REACH, clauseAround, countWords, isBoundary, read, wordAfter, wordBefore, wordsBefore } from '../../src/model/deferral-text.js';

/** Every position of the read text (and one past its end, and one more) mapped to the original. */
const positions = (original: string): number[] => {
  const r = read(original);
  return Array.from({ length: r.text.length + 2 }, (_, i) => r.at(i));
};

describe('read', () => {
  it('lowers the case and maps each position to itself when nothing is spelled out', () => {
    const r = read('Ops WILL Decide');
    expect(r.text).toBe('ops will decide');
    expect(positions('Ops WILL Decide')).toEqual([...Array.from({ length: 16 }, (_, i) => i), 16]);
  });

  it('lowers letter for letter: non-ASCII capitals too, but only ASCII when one would become two code units', () => {
    expect(read('ÉQUIPE OPS').text).toBe('équipe ops');
    expect(read('İSTANBUL OPS decide').text).toBe('İstanbul ops decide');
    expect(read('İ WILL DECIDE').text).toHaveLength('İ WILL DECIDE'.length);
  });

  it('spells out the abbreviations of notes and chat, as whole words', () => {
    const cases: Array<[string, string]> = [
      ['w/ ops', 'with ops'],
      ['w/o ops', 'without ops'],
      ['b/c ops', 'because ops'],
      ['thru ops', 'through ops'],
      ['tho ops', 'though ops'],
      ['pls ops', 'please ops'],
      ['chk ops', 'check ops'],
      ['1st ops', 'first ops'],
      ['plz ops', 'please ops'],
      ['l8r ops', 'later ops'],
      ['wil ops', 'will ops'],
      ['wl ops', 'will ops'],
      ['tm ops', 'team ops'],
      ['mgmt ops', 'management ops'],
      ['mgr ops', 'manager ops'],
      ['ppl ops', 'people ops'],
      ['reqd ops', 'required ops'],
      ["req'd ops", 'required ops'],
      ['req’d ops', 'required ops'],
      ['r ops', 'are ops'],
      ['u ops', 'you ops'],
      ['ur ops', 'your ops'],
      ['opps team', 'ops team'],
      ['ops’ team', 'ops team'],
      ["ops' team", 'ops team'],
    ];
    for (const [original, text] of cases) expect(read(original).text, original).toBe(text);
    // Not inside a longer word.
    expect(read('user tmp thrust').text).toBe('user tmp thrust');
  });

  it('reads arrows as "to", and & and a spaced + as "and"', () => {
    expect(read('ops → decide').text).toBe('ops  to  decide');
    expect(read('ops -> decide').text).toBe('ops  to  decide');
    expect(read('ops => decide').text).toBe('ops  to  decide');
    expect(read('ops ⇒ decide').text).toBe('ops  to  decide');
    expect(read('ops & infra').text).toBe('ops and infra');
    expect(read('ops + infra').text).toBe('ops and infra');
    expect(read('ops+infra').text).toBe('ops+infra');
  });

  it('spells out b and 2 after a modal only', () => {
    for (const modal of ['will', 'wil', 'wl', 'to', 'can', 'should', 'must', 'would', 'may', 'might', 'shall']) {
      expect(read(`it ${modal} b agreed`).text, modal).toMatch(/ be agreed$/);
      expect(read(`ops ${modal} 2 x`).text, modal).toMatch(/ to x$/);
    }
    expect(read('plan b agreed').text).toBe('plan b agreed');
    expect(read('b agreed').text).toBe('b agreed');
  });

  it('reads "2" between words as "to" when a verb of the vocabulary follows', () => {
    expect(read('ops 2 decide').text).toBe('ops to decide');
    expect(read('ops 2 keep an eye on it').text).toBe('ops to keep an eye on it');
    expect(read('ops 2   handle it').text).toBe('ops to   handle it');
    expect(read('infra team 2 monitor').text).toBe('infra team to monitor');
    // Not before another word, a number or nothing, nor after a number or at the start.
    expect(read('in 2 weeks').text).toBe('in 2 weeks');
    expect(read('tier 2 will decide').text).toBe('tier 2 will decide');
    expect(read('ops 2').text).toBe('ops 2');
    expect(read('ops 2, decide').text).toBe('ops 2, decide');
    expect(read('ops 2 3 decide').text).toBe('ops 2 3 decide');
    expect(read('10 2 decide').text).toBe('10 2 decide');
    expect(read('2 decide').text).toBe('2 decide');
  });

  it('reads a key word with one slip as the key word, unless the slip is a real word', () => {
    expect(read('operatons team').text).toBe('operations team');
    expect(read('will be handeled').text).toBe('will be handled');
    expect(read('we monitr it').text).toBe('we monitor it');
    expect(read('we monitro it').text).toBe('we monitor it');
    expect(read('monito').text).toBe('monitor');
    expect(read('suppprt').text).toBe('support');
    expect(read('Responsibilty of OPS').text).toBe('responsibility of ops');
    // Real words, words with digits or marks, and words two slips away stay as written.
    expect(read('the operator decides').text).toBe('the operator decides');
    expect(read('the operation handles monitors, supports and delegates').text).toBe('the operation handles monitors, supports and delegates');
    // Key words themselves read as they are.
    expect(read('Operations monitored, handled').text).toBe('operations monitored, handled');
    expect(read('a monitor2 and 2monitor').text).toBe('a monitor2 and 2monitor');
    expect(read("the support' team").text).toBe("the support' team");
    expect(read('operatns').text).toBe('operatns');
    // Two letters changed side by side are two slips, not a swap.
    expect(read('moxxtor moxntor moixtor').text).toBe('moxxtor moxntor moixtor');
    expect(read('monit').text).toBe('monit');
  });

  it('names a team by an acronym-cased IT or RUN in mixed-case text', () => {
    expect(read('IT will sort out DR').text).toBe('it team will sort out dr');
    expect(read('to be defined by the RUN').text).toBe('to be defined by the run team');
    expect(read('IT teams will').text).toBe('it team teams will');
    expect(read('IT opsx will').text).toBe('it team opsx will');
    expect(read('IT will ask ops').text).toBe('it team will ask ops');
    expect(read('handed over to RUN').text).toBe('handed over to run team');
    // Not all in capitals, not written It or it, not before a word that already names the team.
    expect(read('IT WILL SORT OUT DR').text).toBe('it will sort out dr');
    expect(read('It will sort it out').text).toBe('it will sort it out');
    for (const next of ['ops', 'operations', 'support', 'service', 'infra', 'infrastructure', 'team', 'department', 'dept', 'helpdesk', 'help', 'desk']) {
      expect(read(`IT ${next} will`).text, next).toBe(`it ${next} will`);
      expect(read(`the RUN  ${next} will`).text, next).toBe(`the run  ${next} will`);
    }
  });

  it('maps each position of a spelled-out word to the original word, and the rest around it', () => {
    // "w/ ops" reads "with ops": w i t h map to w / / /.
    expect(read('w/ ops').text).toBe('with ops');
    expect(positions('w/ ops')).toEqual([0, 1, 1, 1, 2, 3, 4, 5, 6, 6]);
    // "ops → x" reads "ops  to  x": the arrow is one code unit.
    expect(positions('ops → x')).toEqual([0, 1, 2, 3, 4, 4, 4, 4, 5, 6, 7, 7]);
    // Two pieces: "b/c u" reads "because you".
    expect(read('a b/c u.').text).toBe('a because you.');
    expect(positions('a b/c u.')).toEqual([0, 1, 2, 3, 4, 4, 4, 4, 4, 5, 6, 6, 6, 7, 8, 8]);
    // A longer original word maps onto a shorter reading: "mgmt" reads "management" (10 letters), "opps" reads "ops".
    expect(positions('opps x')).toEqual([0, 1, 2, 4, 5, 6, 6]);
  });
});

describe('isBoundary', () => {
  const at = (text: string, char = '|') => isBoundary(text.replace(char, ''), text.indexOf(char));

  it('ends a clause at ; ! ? and a newline', () => {
    for (const c of [';', '!', '?', '\n']) expect(isBoundary(`a${c}b`, 1), JSON.stringify(c)).toBe(true);
    for (const c of [':', ')', '"', ' ', 'x', '\t']) expect(isBoundary(`a${c}b`, 1), JSON.stringify(c)).toBe(false);
  });

  it('ends a clause at a full stop before a space, a newline or the end', () => {
    expect(isBoundary('done. next', 4)).toBe(true);
    expect(isBoundary('done.\nnext', 4)).toBe(true);
    expect(isBoundary('done.', 4)).toBe(true);
    expect(isBoundary('99.95 percent', 2)).toBe(false);
    expect(isBoundary('docs/x.md', 6)).toBe(false);
    expect(isBoundary('done.\tnext', 4)).toBe(false);
  });

  it('ends a clause at a dash between spaces', () => {
    for (const dash of ['-', '–', '—']) {
      expect(isBoundary(`scope ${dash} ops`, 6), dash).toBe(true);
      expect(isBoundary(`a${dash}b`, 1), dash).toBe(false);
      expect(isBoundary(`a ${dash}b`, 2), dash).toBe(false);
      expect(isBoundary(`a${dash} b`, 1), dash).toBe(false);
    }
    expect(isBoundary('- ops', 0)).toBe(false);
    expect(isBoundary('ops -', 4)).toBe(false);
  });

  it('ends a clause at a comma that opens a new one', () => {
    for (const word of ['so', 'but', 'then', 'and then', 'and  then', 'therefore', 'hence', 'yet', 'which means', 'though', 'although', 'however', 'whereas']) {
      expect(isBoundary(`before launch, ${word} ops`, 13), word).toBe(true);
      expect(isBoundary(`before launch,\n${word} ops`, 13), word).toBe(true);
    }
    expect(isBoundary('before launch, and ops', 13)).toBe(false);
    expect(isBoundary('before launch,so ops', 13)).toBe(false);
    expect(isBoundary('launch so ops', 5)).toBe(false);
    expect(isBoundary('before launch, sofa', 13)).toBe(false);
    expect(isBoundary('a, b, so c', 1)).toBe(false);
    expect(isBoundary('a, b, so c', 4)).toBe(true);
    expect(at('x|')).toBe(false);
  });
});

describe('clauseAround', () => {
  it('spans from the boundary before the match to the boundary after it', () => {
    const text = 'We launch. Ops will decide later; fine';
    const start = text.indexOf('will');
    expect(clauseAround(text, start, start + 4)).toEqual([10, 32]);
    expect(text.slice(...clauseAround(text, start, start + 4))).toBe(' Ops will decide later');
    expect(clauseAround('ops will decide', 4, 8)).toEqual([0, 15]);
    expect(clauseAround('a;b;c', 2, 3)).toEqual([2, 3]);
  });

  it('looks no further than CLAUSE_REACH each way', () => {
    expect(CLAUSE_REACH).toBe(200);
    const text = 'x'.repeat(1000);
    expect(clauseAround(text, 500, 510)).toEqual([300, 710]);
    expect(clauseAround(text, 150, 160)).toEqual([0, 360]);
    expect(clauseAround(text, 900, 950)).toEqual([700, 1000]);
    expect(clauseAround(`${'x'.repeat(250)}.`, 240, 245)).toEqual([40, 250]);
  });
});

describe('words around a position', () => {
  it('wordBefore: the word that ends at a position, spaces before it skipped', () => {
    expect(wordBefore('we will decide  ', 16)).toEqual([8, 14]);
    expect(wordBefore('we will decide', 7)).toEqual([3, 7]);
    expect(wordBefore('decide', 6)).toEqual([0, 6]);
    expect(wordBefore('  decide', 4)).toEqual([2, 4]);
    expect(wordBefore("the ops' team", 8)).toEqual([4, 8]);
    expect(wordBefore('the ops’ team', 8)).toEqual([4, 8]);
    expect(wordBefore('@azAZ', 5)).toEqual([1, 5]);
    for (const text of ['x`', 'x{', 'x@', 'x[', 'x2', 'x.', '   ', '']) expect(wordBefore(text, text.length), JSON.stringify(text)).toBeUndefined();
    expect(wordBefore('ops', 0)).toBeUndefined();
  });

  it('wordAfter: the word that starts at or after a position, spaces skipped, or nothing', () => {
    expect(wordAfter('we will  decide now', 7)).toBe('decide');
    expect(wordAfter('we will decide', 3)).toBe('will');
    expect(wordAfter("ops' team", 0)).toBe("ops'");
    expect(wordAfter('x azAZ@', 1)).toBe('azAZ');
    expect(wordAfter('ops   ', 3)).toBe('');
    expect(wordAfter('ops', 3)).toBe('');
    expect(wordAfter('ops, team', 3)).toBe('');
    expect(wordAfter('2 ops', 0)).toBe('');
  });

  it('wordsBefore: where the n words before a position begin', () => {
    const clause = 'the  ops team will decide';
    const will = clause.indexOf('will');
    expect(wordsBefore(clause, will, 1)).toBe(clause.indexOf('team'));
    expect(wordsBefore(clause, will, 2)).toBe(clause.indexOf('ops'));
    expect(wordsBefore(clause, will, 3)).toBe(0);
    expect(wordsBefore(clause, will, 9)).toBe(0);
    expect(wordsBefore(clause, will, 0)).toBe(will);
    expect(wordsBefore(clause, will - 1, 1)).toBe(clause.indexOf('team'));
    expect(wordsBefore('  ops', 2, 1)).toBe(0);
    expect(wordsBefore(clause, 0, 2)).toBe(0);
  });

  it('countWords: runs of letters and digits, any character above ASCII a letter', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('ops will decide')).toBe(3);
    expect(countWords('  ops  ')).toBe(1);
    expect(countWords('09AZaz')).toBe(1);
    expect(countWords('a/b:c@d[e`f{g\x7fh')).toBe(8);
    expect(countWords('0 9 A Z a z')).toBe(6);
    expect(countWords('équipe décide')).toBe(2);
    expect(countWords('x\x80y')).toBe(1);
    expect(countWords('ops-team, 24x7.')).toBe(3);
  });
});
