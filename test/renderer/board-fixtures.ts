/** The board's test input: the real map content and the harness's sample regions and flows. */
import mapJson from '../../assets/map/peru.json';
import type { MapContent } from '../../game/content/schema';
import { LOCALE, translate, type Lang } from '../../renderer/i18n';
import type { BoardInput } from '../../renderer/view-model/board-model';
import { sampleRegions, SAMPLE_FLOWS } from '../../renderer/board/sample-board-input';

export const MAP = mapJson as unknown as MapContent;

/** A board input in `lang` with `over` applied on top of the sample data. */
export function boardInput(over: Partial<BoardInput> = {}, lang: Lang = 'en'): BoardInput {
  return {
    map: MAP,
    regions: sampleRegions(MAP),
    flows: SAMPLE_FLOWS,
    overlay: 'coca',
    selectedId: null,
    t: (key, values) => translate(lang, key, values),
    locale: LOCALE[lang],
    ...over,
  };
}
