/** The board itself: the Phaser board (renderer/board), fed the view model; it reports selections. */
import type { ReactNode } from 'react';
import { BoardHost } from '../board/BoardHost';
import type { BoardModel } from '../view-model/board-model';

export function Board(props: { model: BoardModel; onSelect: (id: string) => void; onPlaying?: (playing: boolean) => void }): ReactNode {
  return (
    <BoardHost
      model={props.model}
      onSelectRegion={props.onSelect}
      className="board-host"
      {...(props.onPlaying ? { onPlaying: props.onPlaying } : {})}
    />
  );
}
