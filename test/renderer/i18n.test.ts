/**
 * The catalogues: English and Spanish have exactly the same keys and no empty strings; every key
 * the renderer uses literally (`t('…')`) exists; every key built from engine ids (order kinds, event
 * types, injects, exits, rationale keys, validation codes…) exists; placeholders match across languages.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, buildCatalogues, formatNumber, translate } from '../../renderer/i18n';
import { EVENT_TYPES, EVENT_CATEGORIES } from '../../report/event-log';
import { CHARTS } from '../../report/series';
import { KEY_FIGURES } from '../../report/turn-report';
import { REGION_FIGURES, REGION_FIGURE_GROUPS } from '../../renderer/view-model/region-figures';
import { OVERLAYS } from '../../renderer/view-model/board-theme';
import { MAP, ORDER_KINDS, ORDER_SPECS, OVERRIDE_TARGETS, POSTURES, RATIONALE_KEYS, ROES, SIDES, US_STANCES } from '../../game';

/** The code that translates: the app and the report (main's keys are checked in test/main/menu.test.ts). */
const ROOTS = ['renderer', 'report'].map((d) => join(import.meta.dirname, '..', '..', d));
const en = CATALOGUES.en;
const es = CATALOGUES.es;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('English and Spanish have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    const esKeys = Object.keys(es).sort();
    expect(
      enKeys.filter((k) => !(k in es)),
      'missing in Spanish',
    ).toEqual([]);
    expect(
      esKeys.filter((k) => !(k in en)),
      'missing in English',
    ).toEqual([]);
    expect(enKeys.length).toBeGreaterThan(500);
  });

  it('has no empty strings, except the units that are deliberately blank', () => {
    const blankOk = new Set(['app.unitShort.choice', 'app.unitShort.none', 'app.report.tone.neutral']);
    for (const cat of [en, es]) {
      const empty = Object.entries(cat)
        .filter(([k, v]) => v.trim() === '' && !blankOk.has(k))
        .map(([k]) => k);
      expect(empty).toEqual([]);
    }
  });

  it('uses plural forms only in a well-formed way', () => {
    for (const cat of [en, es]) {
      const bad = Object.entries(cat)
        .filter(([, v]) => /\{[^{}]*\{/.test(v) || /\{\w+\|[^|}]*\}/.test(v))
        .map(([k]) => k);
      expect(bad).toEqual([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const diff = Object.keys(en).filter((k) => JSON.stringify(placeholders(en[k]!)) !== JSON.stringify(placeholders(es[k] ?? '')));
    expect(diff).toEqual([]);
  });

  it('has every key the renderer uses literally', () => {
    const used = new Set<string>();
    for (const file of ROOTS.flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^'$`]+)'/g)) used.add(m[1]!);
      // Keys passed as area keys and label keys in data.
      for (const m of text.matchAll(/(?:areaKey|Key)[=:]\s*['"]((?:app|orders|events|validation|ai|error)\.[\w.-]+)['"]/g)) used.add(m[1]!);
      for (const m of text.matchAll(/['"`]@((?:app|orders|events|validation|ai|error)\.[\w.-]+)['"`]/g)) used.add(m[1]!);
    }
    // The board engineer's namespace is theirs: only check ours.
    const missing = [...used].filter((k) => !k.startsWith('board.') && !(k in en));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(150);
  });

  it('has every key built from engine and view-model ids', () => {
    const need: string[] = [];
    for (const kind of ORDER_KINDS) need.push(`orders.${kind}.label`, `orders.${kind}.help`);
    for (const v of ROES) need.push(`orders.choice.roe.${v}`);
    for (const v of US_STANCES) need.push(`orders.choice.usStance.${v}`);
    for (const v of POSTURES) need.push(`orders.choice.posture.${v}`);
    for (const unit of new Set(Object.values(ORDER_SPECS).map((s) => s.unit))) need.push(`app.unit.${unit}`, `app.unitShort.${unit}`);
    for (const pool of ['money', 'army', 'police', 'fighters']) need.push(`app.pool.${pool}`);
    for (const type of EVENT_TYPES) need.push(`events.${type}`);
    for (const c of EVENT_CATEGORIES) need.push(`app.log.category.${c}`);
    for (const side of SIDES) need.push(`app.side.${side}`, `app.team.${side}`, `app.series.${side}`);
    for (const id of OVERRIDE_TARGETS) need.push(`app.overrideTarget.${id}`);
    for (const e of MAP.exits) need.push(`app.exit.${e.id}`, `app.mode.${e.mode}`);
    for (const z of MAP.zones) need.push(`app.zone.${z.id}`);
    for (const r of MAP.regions) need.push(`app.terrain.${r.terrain}`);
    for (const k of RATIONALE_KEYS) need.push(k);
    for (const c of CHARTS) {
      need.push(`app.chart.${c.id}`, `app.unitShort.${c.unit}`);
      for (const l of c.lines) need.push(`app.series.${l.id}`);
    }
    for (const f of KEY_FIGURES) need.push(`app.series.${f.id}`, `app.unit.${f.unit}`);
    for (const f of REGION_FIGURES) need.push(`app.regionFigure.${f.id}`, `app.unit.${f.unit}`);
    for (const g of REGION_FIGURE_GROUPS) need.push(`app.inspector.group.${g}`);
    for (const o of OVERLAYS) need.push(`app.overlay.${o}`);
    for (const c of ['state', 'contested', 'insurgent', 'clans']) need.push(`app.control.${c}`);
    expect(need.filter((k) => !(k in en))).toEqual([]);
  });

  it('has every validation code the engine emits', () => {
    const gameDir = join(import.meta.dirname, '..', '..', 'game');
    const codes = new Set<string>();
    for (const file of sourceFiles(gameDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/err\([^,]+,\s*'([a-z]+\.[a-zA-Z]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((c) => !(`validation.${c}` in en))).toEqual([]);
  });

  it('has every platform error key the desktop and web platforms use', () => {
    const keys = new Set<string>();
    for (const dir of [join(ROOTS[0]!, 'platform'), join(import.meta.dirname, '..', '..', 'main')]) {
      for (const file of sourceFiles(dir)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/'(error\.[a-zA-Z]+\.[a-zA-Z]+|error\.unexpected)'/g)) keys.add(m[1]!);
      }
    }
    expect(keys.size).toBeGreaterThan(5);
    expect([...keys].filter((k) => !(k in en))).toEqual([]);
  });
});

describe('translate', () => {
  it('prefixes keys with the file name and flattens nested objects', () => {
    const c = buildCatalogues({
      './en/app.json': { menu: { newGame: 'New' } },
      './es/app.json': { menu: { newGame: 'Nueva' } },
      './en/x.json': { a: 'b' },
    });
    expect(c.en['app.menu.newGame']).toBe('New');
    expect(c.es['app.menu.newGame']).toBe('Nueva');
    expect(c.en['x.a']).toBe('b');
  });

  it('fills placeholders, formats numbers by locale, and follows @references', () => {
    expect(translate('en', 'app.report.moved', { ha: 1200, from: 'Huánuco', to: 'Ucayali' })).toBe(
      '1,200 ha moved from Huánuco to Ucayali',
    );
    expect(translate('es', 'app.report.moved', { ha: 1200, from: 'Huánuco', to: 'Ucayali' })).toBe(
      '1,200 ha se desplazaron de Huánuco a Ucayali',
    );
    expect(translate('en', 'app.plan.title', { side: '@app.side.clans' })).toBe('Plan: Family clans');
    expect(translate('es', 'app.plan.title', { side: '@app.side.clans' })).toBe('Plan: Clanes familiares');
    expect(formatNumber('en', 1234.567)).toBe('1,235');
    expect(formatNumber('en', 3.14159)).toBe('3.14');
    expect(formatNumber('es', 0.5)).toBe('0.5');
  });

  it('picks singular or plural words by number', () => {
    expect(translate('en', 'app.unit.fighters', { n: 1 })).toBe('1 fighter');
    expect(translate('en', 'app.unit.fighters', { n: 80 })).toBe('80 fighters');
    expect(translate('es', 'app.plan.changedCount', { n: 1 })).toBe('1 cambio');
    expect(translate('es', 'app.plan.changedCount', { n: 3 })).toBe('3 cambios');
    expect(translate('es', 'app.plan.fixFirst', { n: 1 })).toBe('Corrija antes el 1 problema.');
  });

  it('shows the key for a missing message, so it cannot hide', () => {
    expect(translate('es', 'app.nope.missing')).toBe('app.nope.missing');
  });
});
