/**
 * The Phaser game factory: one game per board, sized to its parent element, with the board scene.
 *
 * Renderer choice (`auto`): WebGL on a real GPU; the Canvas renderer when WebGL is missing or is a
 * software rasteriser (SwiftShader, llvmpipe: virtual machines, remote desktops, locked-down
 * seminar PCs), where Canvas 2D is several times faster for a full-screen vector map. WebGL
 * failures at start-up (thrown synchronously while the renderer boots) also fall back to Canvas.
 */
import * as Phaser from 'phaser';
import { BoardScene, type BoardSceneData } from './BoardScene';
import type { BoardEventBus } from './event-bus';
import { BOARD_THEME } from '../view-model/board-theme';

export type BoardRenderer = 'webgl' | 'canvas';
export type RendererPreference = BoardRenderer | 'auto';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** Whether this browser has hardware-accelerated WebGL (probed once, with a throwaway context). */
let probed: boolean | null = null;
export function hasFastWebGL(): boolean {
  if (probed !== null) return probed;
  probed = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
      probed = !SOFTWARE_GL.test(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    probed = false;
  }
  return probed;
}

export interface BoardGame {
  game: Phaser.Game;
  renderer: BoardRenderer;
  destroy(): void;
}

function make(parent: HTMLElement, bus: BoardEventBus, renderer: BoardRenderer, instrument: boolean): Phaser.Game {
  const data: BoardSceneData = { bus, renderer, instrument };
  const game = new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    backgroundColor: BOARD_THEME.ocean,
    banner: false,
    autoFocus: false,
    disableContextMenu: true,
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: Math.max(1, parent.clientWidth),
      height: Math.max(1, parent.clientHeight),
    },
    // Multisampling quadruples the fill cost of a software rasteriser: only on a real GPU.
    render: { antialias: true, antialiasGL: renderer === 'webgl' && hasFastWebGL(), powerPreference: 'high-performance' },
    input: { keyboard: false, gamepad: false, mouse: { preventDefaultWheel: true } },
    audio: { noAudio: true },
    fps: { smoothStep: false },
    scene: [],
  });
  game.scene.add('board', BoardScene, true, data);
  return game;
}

function clear(parent: HTMLElement): void {
  for (const c of [...parent.querySelectorAll('canvas')]) c.remove();
}

/**
 * Create the board's game inside `parent`. `prefer` picks the first renderer tried (`auto`: see
 * above); WebGL failures fall back to Canvas. Throws if neither works.
 */
export function createBoardGame(
  parent: HTMLElement,
  bus: BoardEventBus,
  options: { prefer?: RendererPreference; instrument?: boolean } = {},
): BoardGame {
  const prefer = options.prefer ?? 'auto';
  const first: BoardRenderer = prefer === 'auto' ? (hasFastWebGL() ? 'webgl' : 'canvas') : prefer;
  const order: BoardRenderer[] = first === 'canvas' ? ['canvas'] : ['webgl', 'canvas'];
  let lastError: unknown = null;
  for (const renderer of order) {
    try {
      const game = make(parent, bus, renderer, options.instrument ?? false);
      return {
        game,
        renderer,
        destroy: () => game.destroy(true),
      };
    } catch (e) {
      lastError = e;
      clear(parent);
    }
  }
  throw lastError instanceof Error ? lastError : new Error('The board could not start.');
}
