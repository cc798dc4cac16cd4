/**
 * Greedy label placement for the board: the most important labels first, each at the first of its
 * candidate positions that stays on screen and overlaps nothing placed before; labels that fit
 * nowhere are hidden (unless `required`). Pure, so it is tested in node.
 */
import type { XY } from './geo';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  /** Anchor point on screen. */
  x: number;
  y: number;
  /** Label size in px. */
  w: number;
  h: number;
  /** Higher goes first. Ties keep input order. */
  priority: number;
  /** Candidate offsets of the label's centre from the anchor; default: centred on it. */
  offsets?: readonly XY[];
  /** Place even if it collides (clamped on screen). */
  required?: boolean;
  /** Accept a candidate only if its centre passes (e.g. stays inside the label's region). */
  accept?: (x: number, y: number) => boolean;
}

export interface PlacedLabel {
  id: string;
  /** Centre of the label. */
  x: number;
  y: number;
  visible: boolean;
}

const overlapArea = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

export const overlaps = (a: Rect, b: Rect, gap = 0): boolean =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

/** Offsets around an anchor for a label of size w × h: right, left, above, below, then diagonals. */
export function aroundOffsets(w: number, h: number, gap: number): XY[] {
  const dx = w / 2 + gap;
  const dy = h / 2 + gap;
  return [
    [dx, 0],
    [-dx, 0],
    [0, -dy],
    [0, dy],
    [dx, -dy],
    [-dx, -dy],
    [dx, dy],
    [-dx, dy],
  ];
}

export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Rect[],
  bounds: Rect,
  gap = 3,
): Map<string, PlacedLabel> {
  const order = requests.map((r, i) => ({ r, i })).sort((a, b) => b.r.priority - a.r.priority || a.i - b.i);
  const taken: Rect[] = [...obstacles];
  const out = new Map<string, PlacedLabel>();
  const inside = (q: Rect): boolean =>
    q.x >= bounds.x && q.y >= bounds.y && q.x + q.w <= bounds.x + bounds.w && q.y + q.h <= bounds.y + bounds.h;
  for (const { r } of order) {
    const offsets = r.offsets && r.offsets.length > 0 ? r.offsets : [[0, 0] as XY];
    let placed: Rect | null = null;
    for (const [dx, dy] of offsets) {
      const q = { x: r.x + dx - r.w / 2, y: r.y + dy - r.h / 2, w: r.w, h: r.h };
      if (inside(q) && !taken.some((t) => overlaps(q, t, gap)) && (!r.accept || r.accept(r.x + dx, r.y + dy))) {
        placed = q;
        break;
      }
    }
    if (!placed && r.required) {
      // Nowhere free: take the candidate that covers the least of what is already placed
      // (preferring candidates that pass `accept`), clamped on screen.
      let best: { q: Rect; cost: number } | null = null;
      for (const [dx, dy] of offsets) {
        const x = Math.min(bounds.x + bounds.w - r.w, Math.max(bounds.x, r.x + dx - r.w / 2));
        const y = Math.min(bounds.y + bounds.h - r.h, Math.max(bounds.y, r.y + dy - r.h / 2));
        const q = { x, y, w: r.w, h: r.h };
        const rejected = r.accept && !r.accept(x + r.w / 2, y + r.h / 2) ? 1e12 : 0;
        const cost = rejected + taken.reduce((sum, t) => sum + overlapArea(q, t), 0);
        if (!best || cost < best.cost) best = { q, cost };
      }
      placed = best?.q ?? null;
    }
    if (placed) {
      taken.push(placed);
      out.set(r.id, { id: r.id, x: placed.x + r.w / 2, y: placed.y + r.h / 2, visible: true });
    } else {
      out.set(r.id, { id: r.id, x: r.x, y: r.y, visible: false });
    }
  }
  return out;
}
