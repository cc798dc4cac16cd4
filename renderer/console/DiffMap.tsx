/**
 * The map of differences between two branches (issue 11): each department coloured by how much
 * more (orange) or less (blue) of a figure the second branch has than the first at the end of a
 * chosen quarter, drawn as SVG from the board's own boundaries (no Phaser: it is a picture for the
 * facilitator, not a board to play on), with the largest differences also listed in words.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { REGION_IDS, regionName } from '../app-state/engine';
import { buildGeography, projectBoard, type FlatPath } from '../view-model/geo';
import { MAP_FIGURES, regionDiffs, type MapFigure, type ReplayedBranch } from './branch-diff';

const W = 360;
const H = 440;
const PAD = { top: 8, right: 8, bottom: 8, left: 8 };
/** The largest differences listed under the map. */
const LISTED = 6;
/** Colours: no difference, and the two ends of the diverging scale (blue/orange, safe for colour-blind readers). */
const NEUTRAL: readonly [number, number, number] = [0x2a, 0x3d, 0x50];
const MORE: readonly [number, number, number] = [0xf5, 0x8a, 0x1f];
const LESS: readonly [number, number, number] = [0x4e, 0xa8, 0xde];

let shapes: { id: string; d: string }[] | null = null;
/** The departments as SVG paths, projected once. */
function regionPaths(): { id: string; d: string }[] {
  if (shapes) return shapes;
  const board = projectBoard(buildGeography(REGION_IDS), W, H, PAD);
  const path = (ring: FlatPath): string => {
    let d = '';
    for (let i = 0; i < ring.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${ring[i]!.toFixed(1)} ${ring[i + 1]!.toFixed(1)}`;
    return `${d}Z`;
  };
  shapes = board.regions.map((r) => ({ id: r.id, d: r.rings.map(path).join('') }));
  return shapes;
}

/** The colour of a difference on the scale from −max to +max. */
export function diffColour(diff: number, max: number): string {
  const t = max > 0 ? Math.min(1, Math.abs(diff) / max) : 0;
  const end = diff > 0 ? MORE : LESS;
  const mix = NEUTRAL.map((c, i) => Math.round(c + (end[i]! - c) * Math.sqrt(t)));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

const DIGITS: Record<MapFigure, number> = { cocaHa: 0, violenceEvents: 0, insurgentFighters: 0, labs: 0 };

export function DiffMap(props: {
  a: ReplayedBranch;
  b: ReplayedBranch;
  nameA: string;
  nameB: string;
  firstTurn: number | null;
}): ReactNode {
  const { t, fmt } = useI18n();
  const { a, b, nameA, nameB } = props;
  const common = Math.min(a.states.length, b.states.length) - 1;
  const [figureChoice, setFigure] = useState<MapFigure | null>(null);
  const [turnChoice, setTurn] = useState<number | null>(null);
  const turn = Math.min(turnChoice ?? common, common);
  // Until the facilitator picks one, the first figure that differs somewhere (coca if none does).
  const figure = useMemo(
    () => figureChoice ?? MAP_FIGURES.find((f) => turn >= 1 && (regionDiffs(a, b, turn, f) ?? []).some((d) => d.diff !== 0)) ?? 'cocaHa',
    [figureChoice, a, b, turn],
  );
  const diffs = useMemo(() => (turn >= 1 ? regionDiffs(a, b, turn, figure) : null), [a, b, turn, figure]);
  const paths = useMemo(regionPaths, []);
  if (common < 1) return <p className="hint">{t('console.diffMap.nothing')}</p>;
  const max = diffs ? Math.max(0, ...diffs.map((d) => Math.abs(d.diff))) : 0;
  const byId = new Map((diffs ?? []).map((d) => [d.id, d]));
  const n = (v: number) => fmt(v, { maximumFractionDigits: DIGITS[figure] });
  const signed = (v: number) => (v > 0 ? `+${n(v)}` : v < 0 ? `\u2212${n(-v)}` : n(v));
  const listed = [...(diffs ?? [])]
    .filter((d) => d.diff !== 0)
    .sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff) || x.id.localeCompare(y.id))
    .slice(0, LISTED);
  const figureName = t(`console.diffMap.figure.${figure}`);
  return (
    <section className="console-card diff-map" aria-labelledby="diffmap-h">
      <h3 id="diffmap-h">{t('console.diffMap.title')}</h3>
      <div className="row">
        <label>
          {t('console.diffMap.figureLabel')}
          <select value={figure} onChange={(e) => setFigure(e.target.value as MapFigure)}>
            {MAP_FIGURES.map((f) => (
              <option key={f} value={f}>
                {t(`console.diffMap.figure.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.diffMap.turnLabel')}
          <select value={turn} onChange={(e) => setTurn(Number(e.target.value))}>
            {Array.from({ length: common }, (_, i) => i + 1).map((q) => (
              <option key={q} value={q}>
                {t('console.quarter', { turn: q })}
                {props.firstTurn !== null && q === props.firstTurn ? ` · ${t('console.diffMap.divergesHere')}` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="diff-map-body">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          className="diff-map-svg"
          aria-label={t('console.diffMap.alt', { figure: figureName, turn, a: nameA, b: nameB })}
        >
          {paths.map((p) => {
            const d = byId.get(p.id);
            return (
              <path
                key={p.id}
                d={p.d}
                fill={d ? diffColour(d.diff, max) : 'none'}
                stroke="#0a1420"
                strokeWidth={0.8}
                data-region={p.id}
                data-diff={d?.diff ?? 0}
              >
                <title>
                  {d
                    ? t('console.diffMap.regionLine', {
                        region: regionName(p.id),
                        a: nameA,
                        b: nameB,
                        va: n(d.a),
                        vb: n(d.b),
                        diff: signed(d.diff),
                      })
                    : regionName(p.id)}
                </title>
              </path>
            );
          })}
        </svg>
        <div className="diff-map-side">
          <div className="diff-legend" aria-hidden="true">
            <span className="diff-legend-bar" />
            <span className="diff-legend-labels">
              <span>{max > 0 ? signed(-max) : '0'}</span>
              <span>0</span>
              <span>{max > 0 ? signed(max) : '0'}</span>
            </span>
          </div>
          <p className="hint">{t('console.diffMap.legend', { a: nameA, b: nameB })}</p>
          {listed.length === 0 ? (
            <p>{t('console.diffMap.same', { figure: figureName, turn })}</p>
          ) : (
            <>
              <h4>{t('console.diffMap.largest', { figure: figureName, turn })}</h4>
              <ol className="console-list diff-list">
                {listed.map((d) => (
                  <li key={d.id}>
                    {t('console.diffMap.regionLine', {
                      region: regionName(d.id),
                      a: nameA,
                      b: nameB,
                      va: n(d.a),
                      vb: n(d.b),
                      diff: signed(d.diff),
                    })}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
