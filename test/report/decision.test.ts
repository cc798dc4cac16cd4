/**
 * Explanations are true: every figure in a hard decision's sentences, in English and in Spanish,
 * is one of the search's own numbers recorded in the decision (or the difference of two of them
 * that the sentence names: a measure's change from now, the margin over the next best plan).
 * The sentences are parsed as a reader would: each number in the text, as written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SIDES, bot, createGame, resolveTurn, type Decision, type GameState, type Side } from '../../game';
import { CATALOGUES } from '../../i18n/catalogues';
import { formatNumber, makeTranslator, type Lang } from '../../i18n/catalogue';
import { decisionLines, decisionText } from '../../report/decision';
import { SCENARIO } from '../game/helpers';

/** Every number in a value (recursively). */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbers(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbers(v, out));
  return out;
}

const tenth = (x: number) => Math.round(x * 10) / 10;

/** The figures a sentence about `d` may show, as `lang` writes them. */
function allowed(lang: Lang, d: Decision): Set<string> {
  const xs = numbers(d);
  const e = d.expected;
  if (e) {
    for (const [k, v] of Object.entries(e.measures)) if (d.now?.[k] !== undefined) xs.push(tenth(v - d.now[k]));
    for (const a of d.alternatives ?? []) xs.push(tenth(e.score - a.expected.score));
  }
  return new Set(xs.flatMap((x) => [formatNumber(lang, x), formatNumber(lang, Math.abs(x))]));
}

/** Each number as written in a sentence ("2,200", "0.35", "12"). */
const figuresIn = (sentence: string): string[] => sentence.match(/\d+(?:[.,]\d+)*/g) ?? [];

function untrue(lang: Lang, d: Decision, sentences: string[]): string[] {
  const ok = allowed(lang, d);
  return sentences.flatMap((s) =>
    figuresIn(s)
      .filter((f) => !ok.has(f))
      .map((f) => `${f} in «${s}»`),
  );
}

let DECISIONS: { side: Side; turn: number; d: Decision }[] = [];
beforeAll(() => {
  // A game where every side plays hard, so decisions are made in varied situations (turns 1–6).
  let s: GameState = createGame(SCENARIO, 3, { turns: 12 });
  const out: typeof DECISIONS = [];
  for (let t = 0; t < 6; t++) {
    const ds = SIDES.map((side) => bot(s, side, 'hard'));
    ds.forEach((b, k) => out.push({ side: SIDES[k]!, turn: s.turn + 1, d: b.decision }));
    const r = resolveTurn(s, { orders: ds.map((b) => b.orders) });
    if (!r.ok) throw new Error(r.errors[0]!.message);
    s = r.state;
  }
  DECISIONS = out;
}, 120_000);

describe('a hard decision in words', () => {
  it.each(['en', 'es'] as const)("%s: every figure in every sentence is one of the decision's own numbers", (lang) => {
    const t = makeTranslator(CATALOGUES, lang);
    let figures = 0;
    const headlines = new Set<string>();
    for (const { side, turn, d } of DECISIONS) {
      expect(d.expected, `${side} turn ${turn} was weighed`).toBeDefined();
      const l = decisionLines(t, side, d);
      const sentences = [...decisionText(t, side, d), ...(l.search ? [l.search] : [])];
      figures += sentences.reduce((a, s) => a + figuresIn(s).length, 0);
      expect(untrue(lang, d, sentences), `${side}, turn ${turn}`).toEqual([]);
      // No placeholder left unfilled, no key shown instead of words.
      for (const s of sentences) expect(s).not.toMatch(/\{\w+|ai\.\w+\./);
      headlines.add(l.headline.split(/[:,(]/)[0]!);
    }
    // The sentences did carry figures, and speak of different plans and situations.
    expect(figures).toBeGreaterThan(DECISIONS.length * 5);
    expect(headlines.size).toBeGreaterThan(1);
  });

  it("the check finds a figure that is not the search's", () => {
    const { side, d } = DECISIONS.find((x) => x.d.alternatives?.length)!;
    const t = makeTranslator(CATALOGUES, 'en');
    const lines = decisionText(t, side, d);
    expect(untrue('en', d, lines)).toEqual([]);
    // The same words against a decision whose expectations were different: most figures are refused.
    const shifted = (x: unknown): unknown =>
      typeof x === 'number'
        ? x * 1.37 + 0.1
        : Array.isArray(x)
          ? x.map(shifted)
          : x && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, shifted(v)]))
            : x;
    const forged: Decision = {
      ...d,
      expected: shifted(d.expected) as Decision['expected'],
      alternatives: shifted(d.alternatives) as Decision['alternatives'],
    };
    expect(untrue('en', forged, lines).length).toBeGreaterThan(2);
    // A sentence with a made-up figure is refused.
    expect(untrue('es', d, ['Eligió el plan: puntuación esperada 98.765,4.'])).not.toEqual([]);
  });

  it('English and Spanish state the same figures', () => {
    const en = makeTranslator(CATALOGUES, 'en');
    const es = makeTranslator(CATALOGUES, 'es');
    for (const { side, d } of DECISIONS) {
      const a = decisionText(en, side, d).flatMap(figuresIn).sort();
      const b = decisionText(es, side, d).flatMap(figuresIn).sort();
      expect(b).toEqual(a);
    }
  });
});
