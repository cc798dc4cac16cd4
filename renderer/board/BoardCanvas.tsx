/**
 * The element Phaser draws into. The game is created once in a layout effect and destroyed on
 * cleanup (Phaser's React template pattern); everything else goes through the event bus.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { createBoardGame, type BoardRenderer, type RendererPreference } from './create-board-game';
import type { BoardEventBus } from './event-bus';

interface Props {
  bus: BoardEventBus;
  prefer: RendererPreference;
  instrument: boolean;
  onStarted?: (renderer: BoardRenderer) => void;
}

export function BoardCanvas({ bus, prefer, instrument, onStarted }: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const started = useRef(onStarted);
  started.current = onStarted;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const board = createBoardGame(el, bus, { prefer, instrument });
    started.current?.(board.renderer);
    return () => board.destroy();
  }, [bus, prefer, instrument]);

  return <div ref={ref} className="cdl-board__canvas" />;
}
