/**
 * The after-action report: one self-contained document in English and Spanish, with the scenario,
 * the sides, the final figures and every section; nothing left untranslated; turning points that
 * name their causes; charts that are plain SVG.
 */
import { describe, expect, it } from 'vitest';
import { SIDES } from '../../game/index';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliI18n } from '../../cli/i18n';
import { buildCatalogues, formatNumber, LANGS, LOCALE, type Lang } from '../../i18n/catalogue';
import { CATALOGUE_FILES, CATALOGUES } from '../../i18n/catalogues';
import { AAR_SECTIONS, buildAar } from '../../report/aar';
import { parseSeatNote, seatOf } from '../../report/describe';
import { findTurningPoints } from '../../report/turning-points';
import { compactNumber, lineChartSvg, smallMultiplesSvg, sparklineSvg, stackedChartSvg } from '../../report/charts';
import { NOTES, sixTurnGame } from './helpers';

const game = sixTurnGame();
const last = game.states[game.states.length - 1]!;
const final = last.history[last.history.length - 1]!;

/** The document's text as a reader sees it: no style sheets, no tags, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const aar = (lang: Lang) => {
  const { t, locale } = cliI18n(lang);
  return buildAar({
    log: game.log,
    states: game.states,
    events: game.events,
    lang,
    t,
    locale,
    appVersion: '9.9.9',
    generatedFor: 'Seminario «Andes» 2024',
  });
};

describe('the catalogues (i18n/catalogues.ts)', () => {
  it('hold every file in i18n/<lang>/, key for key (a file left out of the list fails here)', () => {
    const files: Record<string, unknown> = {};
    for (const lang of LANGS) {
      const dir = fileURLToPath(new URL(`../../i18n/${lang}`, import.meta.url));
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        files[`./${lang}/${name}`] = JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
      }
    }
    expect(Object.keys(CATALOGUE_FILES).sort()).toEqual(Object.keys(files).sort());
    const disk = buildCatalogues(files);
    expect(disk.en).toEqual(CATALOGUES.en);
    expect(disk.es).toEqual(CATALOGUES.es);
    expect(Object.keys(disk.en).filter((k) => k.startsWith('report.')).length).toBeGreaterThan(150);
  });
});

describe.each(['en', 'es'] as const)('buildAar (%s)', (lang) => {
  const html = aar(lang);
  const text = visibleText(html);
  const { t } = cliI18n(lang);

  it('is one self-contained document with no scripts or outside resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=|<link|<img|<iframe|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(7);
    expect(html.match(/<html/g)).toHaveLength(1);
  });

  it('names the scenario, the sides, the seed, the version and who it is for', () => {
    expect(text).toContain(game.log.scenario.title[lang]);
    expect(text).toContain(game.log.scenario.description[lang]);
    for (const s of SIDES) expect(text).toContain(t(`app.side.${s}`));
    expect(text).toContain('9.9.9');
    expect(text).toContain('Seminario «Andes» 2024');
    expect(text).toContain(t('report.seat.bot', { level: '@app.difficulty.normal' }));
  });

  it('states the final figures, formatted for the language', () => {
    const coca = formatNumber(lang, final.cocaHa, { maximumFractionDigits: 0 });
    const exports = formatNumber(lang, final.exportedT, { maximumFractionDigits: 1 });
    expect(coca).toMatch(/^\d{2},\d{3}$/);
    expect(text).toContain(`${coca} ha`);
    expect(text).toContain(`${exports} t`);
    for (const s of SIDES) expect(text).toContain(formatNumber(lang, final.scores[s], { maximumFractionDigits: 1 }));
    expect(text).toContain(game.log.finalHash);
    expect(text).toContain(game.log.scenarioHash);
    for (const e of game.log.entries) expect(text).toContain(e.hash);
  });

  it('has every section, numbered, in order', () => {
    let at = 0;
    AAR_SECTIONS.forEach((s, i) => {
      const h2 = `<h2 id="${s.id}"`;
      const pos = html.indexOf(h2);
      expect(pos, s.id).toBeGreaterThan(at);
      at = pos;
      expect(html.slice(pos, pos + 300)).toContain(`<span class="num">${i + 1}</span>${t(s.key)}</h2>`);
      expect(html).toContain(`<a href="#${s.id}">`);
    });
  });

  it('leaves no placeholder unfilled and no message key untranslated', () => {
    expect(text.match(/\{\w+(\|[^}]*)?\}/g) ?? []).toEqual([]);
    expect(text.match(/\b(report|events|app|orders|ai|validation|error|board)\.[a-zA-Z][\w-]*(\.[\w-]+)*/g) ?? []).toEqual([]);
    expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
  });

  it("keeps the teams' rationale, escaped, and the facilitator's reasons", () => {
    expect(html).toContain('Presión en Junín y Apurímac, luego &quot;Lobo&quot; en el VRAEM,\nsegunda línea: &lt;no HTML&gt; &amp; más');
    expect(text).toContain(NOTES.insurgents!);
    expect(text).toContain('new survey, "DEVIDA 2016", Junín');
    // The facilitator's inject is named by the scenario's own title, in the report's language.
    const shootdown = game.log.scenario.injectLibrary.find((d) => d.id === 'mistaken-shootdown')!;
    expect(text).toContain(shootdown.title[lang]);
    // The clans' computer decision is in words, from the decision the log records.
    expect(text).toContain(t('ai.explain.headline.rules', { plan: t('ai.plan.base.normal') }));
  });

  it("decides each turn's orders in words", () => {
    const turns = html.match(/<section class="turn">/g) ?? [];
    expect(turns).toHaveLength(game.log.entries.length);
    const kinds = new Set(game.log.entries.flatMap((e) => e.input.orders.flatMap((o) => o.orders.map((x) => x.kind))));
    expect(kinds.size).toBeGreaterThan(5);
    for (const k of kinds) expect(text).toContain(t(`orders.${k}.label`));
  });
});

describe('turning points', () => {
  const points = findTurningPoints(game);

  it('finds the shootdown and names it as the cause of the fall in US support', () => {
    const us = points.find((p) => p.metric === 'usSupport' && p.turn === 3);
    expect(us, JSON.stringify(points.map((p) => [p.turn, p.metric]))).toBeDefined();
    expect(us!.from).toBeGreaterThan(us!.to);
    expect(us!.to).toBe(20);
    const keys = us!.causes.map((c) => c.key);
    expect(keys).toContain('report.cause.shootdown');
    expect(keys).toContain('report.cause.injectFacilitator');
    expect(us!.causes.find((c) => c.key === 'report.cause.injectFacilitator')!.values.inject).toEqual(
      game.log.scenario.injectLibrary.find((d) => d.id === 'mistaken-shootdown')!.title,
    );
  });

  it("finds the override of Junín's coca with its reason", () => {
    const coca = points.find((p) => p.metric === 'cocaHa' && p.turn === 2);
    expect(coca).toBeDefined();
    const o = coca!.causes.find((c) => c.key === 'report.cause.override');
    expect(o?.values).toMatchObject({ region: 'Junín', reason: 'new survey, "DEVIDA 2016", Junín' });
    const applied = game.events[1]!.find((e) => e.type === 'overrideApplied');
    expect(applied?.type === 'overrideApplied' && o?.values.to).toBe(
      applied?.type === 'overrideApplied' ? Math.round(applied.to * 100) / 100 : NaN,
    );
  });

  it('is in turn order, at most 8, at most 2 per measure, each with a cause', () => {
    expect(points.length).toBeGreaterThan(0);
    expect(points.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < points.length; i++) expect(points[i]!.turn).toBeGreaterThanOrEqual(points[i - 1]!.turn);
    const per = new Map<string, number>();
    for (const p of points) per.set(p.metric, (per.get(p.metric) ?? 0) + 1);
    for (const n of per.values()) expect(n).toBeLessThanOrEqual(2);
    for (const p of points) {
      expect(p.causes.length).toBeGreaterThan(0);
      expect(p.change).toBeCloseTo(p.to - p.from, 9);
    }
  });

  it('is empty before any turn is played', () => {
    expect(findTurningPoints({ log: { ...game.log, entries: [] }, states: [game.states[0]!], events: [] })).toEqual([]);
  });
});

describe('an unplayed game', () => {
  it('still renders every section, saying there is nothing yet', () => {
    const { t, locale } = cliI18n('en');
    const html = buildAar({
      log: { ...game.log, entries: [], finalHash: game.log.entries.length ? game.log.finalHash : '' },
      states: [game.states[0]!],
      events: [],
      lang: 'en',
      t,
      locale,
      appVersion: '1',
    });
    for (const s of AAR_SECTIONS) expect(html).toContain(`<h2 id="${s.id}"`);
    expect(visibleText(html)).toContain(t('report.none.turns'));
    expect(visibleText(html)).not.toMatch(/\{\w+\}|NaN|undefined/);
  });
});

describe("seats from the log's notes", () => {
  it("reads the command line's seat notes back, with their reasons", () => {
    const n = parseSeatNote(
      'bot:hard: ai.state.eradicate(ha=7188, regions=11); ai.state.leadership(region=PE-AYA); ai.state.pushLaw [the engine refused x; 1 order(s) dropped]',
    );
    expect(n?.seat).toEqual({ kind: 'bot', difficulty: 'hard' });
    expect(n?.reasons).toEqual([
      { key: 'ai.state.eradicate', values: { ha: 7188, regions: 11 } },
      { key: 'ai.state.leadership', values: { region: 'Ayacucho' } },
      { key: 'ai.state.pushLaw', values: {} },
    ]);
    expect(n?.extra).toBe('[the engine refused x; 1 order(s) dropped]');
    expect(parseSeatNote('policy:air-interdiction')).toEqual({
      seat: { kind: 'policy', name: 'air-interdiction' },
      reasons: [],
      extra: '',
    });
    expect(parseSeatNote('We push into the VRAEM: bot:hard is not us')).toBeNull();
    expect(seatOf(['bot:easy: ai.insurgents.hide', 'bot:easy'])).toEqual({ kind: 'bot', difficulty: 'easy' });
    expect(seatOf(['our plan', ''])).toEqual({ kind: 'human' });
    expect(seatOf([])).toEqual({ kind: 'unknown' });
    expect(seatOf(['bot:easy', 'bot:hard'])).toEqual({ kind: 'unknown' });
  });
});

describe('SVG charts', () => {
  const fmt = (n: number) => formatNumber('en', n);
  it('draw lines with gaps for missing values, markers and an accessible title', () => {
    const svg = lineChartSvg({
      title: 'A & B',
      xLabels: ['q1', 'q2', 'q3'],
      unit: 'ha',
      format: fmt,
      markers: [{ index: 1, label: '1' }],
      series: [
        { id: 'a', label: 'Alpha', colour: '#000', values: [1, Number.NaN, 3] },
        { id: 'b', label: 'Beta <x>', colour: '#111', dash: '4 2', values: [2, 2, 2] },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>A &amp; B</title>');
    expect(svg).toContain('Beta &lt;x&gt;');
    expect(svg).toContain('stroke-dasharray="4 2"');
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('class="mk"');
  });
  it('stack areas, fall back to bars for one turn, and draw small multiples', () => {
    const series = [
      { id: 'a', label: 'A', colour: '#000', values: [1, 2] },
      { id: 'b', label: 'B', colour: '#111', values: [3, 4] },
    ];
    expect(
      stackedChartSvg({ title: 't', xLabels: ['1', '2'], unit: 't', format: fmt, series, mode: 'area' }).match(/<path d="M[^"]*Z"/g),
    ).toHaveLength(2);
    expect(
      stackedChartSvg({
        title: 't',
        xLabels: ['1'],
        unit: 't',
        format: fmt,
        series: series.map((s) => ({ ...s, values: [s.values[0]!] })),
        mode: 'area',
      }).match(/<rect x/g)?.length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      stackedChartSvg({ title: 't', xLabels: ['1', '2'], unit: 't', format: fmt, series, mode: 'bars' }).match(
        /<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#[0-9a-f]+" stroke/g,
      ),
    ).toHaveLength(4);
    const sm = smallMultiplesSvg({
      title: 'sm',
      xLabels: ['1', '2'],
      unit: 'ha',
      format: fmt,
      columns: 2,
      sharedScale: true,
      panels: [
        { title: 'Junín', colour: '#0a0', values: [1, 2] },
        { title: 'Apurímac', colour: '#0a0', values: [2, 1] },
      ],
    });
    expect(sm).toContain('Junín');
    expect(sm).toContain('Apurímac');
    expect(sm).not.toMatch(/NaN|undefined/);
  });
  it('draw the same chart for the screen: styled by the page, scaled as a whole, with short tick labels', () => {
    const frame = {
      title: 'Coca',
      desc: 'Coca: 46,751',
      xLabels: ['q1', 'q2'],
      unit: 'ha',
      series: [{ id: 'a', label: 'Coca', colour: '#0a0', values: [45_000, 46_751] }],
    };
    const print = lineChartSvg({ ...frame, format: fmt });
    const screen = lineChartSvg({ ...frame, format: (n) => compactNumber(n, fmt), theme: 'screen', scale: 2, width: 200, height: 100 });
    expect(print).toContain('<style>');
    expect(print).toContain('width="640"');
    expect(screen).not.toContain('<style>');
    expect(screen).toContain('class="chart chart-screen"');
    // Drawn in 200 × (100 + legend) units, shown twice as large.
    const [, vw, vh] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(screen)!;
    expect(screen).toContain(`width="${Number(vw) * 2}" height="${Number(vh) * 2}"`);
    expect(Number(vw)).toBe(200);
    expect(screen).toContain('<desc>Coca: 46,751</desc>');
    expect(screen).toContain('>40k<');
    expect(print).toContain('>40,000<');
  });
  it('draw a sparkline through the finite values, and an empty one for fewer than two', () => {
    expect(sparklineSvg([1, 2, Number.NaN, 4]).match(/\d+\.\d,\d+\.\d/g)).toHaveLength(3);
    expect(sparklineSvg([1])).not.toContain('polyline');
    expect(sparklineSvg([1, 2])).toContain('aria-hidden="true"');
  });
});

it('uses the locale the caller gives for Spanish', () => {
  expect(LOCALE.es).toBe('es-PE');
});
