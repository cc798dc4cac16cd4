/** A tiny trend line for a table cell (`sparklineSvg`, the report's chart renderer); decorative. */
import type { ReactNode } from 'react';
import { sparklineSvg } from '../../report/charts';

export function Sparkline(props: { values: number[]; width?: number; height?: number }): ReactNode {
  return (
    <span
      className="spark-box"
      aria-hidden="true"
      dangerouslySetInnerHTML={{ __html: sparklineSvg(props.values, props.width, props.height) }}
    />
  );
}
