/**
 * The replay viewer's panel: where the replay is (position, turn slider), the controls (first,
 * back, play or pause, forward, last; the speed), whose eyes to see it through, and the report of
 * the turn shown, exactly as it was shown when the turn was played. The controls stay in view
 * while the report scrolls under them.
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { GameState, Viewer } from '../app-state/engine';
import { REPLAY_SPEEDS, VIEWERS, type ReplayFrame, type ReplaySession } from '../app-state/replay';
import { TurnReport } from './TurnReport';
import './panels.css';
import './replay.css';

/** The quarter a turn was played in: the history's record for turn ≥ 1, the start's date for 0. */
function turnDate(state: GameState, turn: number): { year: number; quarter: number } {
  const r = turn > 0 ? state.history[turn - 1] : undefined;
  return r ? { year: r.year, quarter: r.quarter } : { year: state.year, quarter: state.quarter };
}

type Icon = 'first' | 'back' | 'play' | 'pause' | 'forward' | 'last';

/** Transport icons drawn, not typed: not every font has ⏮ and ⏭. */
function TransportIcon(props: { icon: Icon }): ReactNode {
  const paths: Record<Icon, string> = {
    first: 'M3 3h2.2v14H3zM17 3v14L6.5 10z',
    back: 'M15 3v14L4.5 10z',
    play: 'M5 3v14l11-7z',
    pause: 'M4.5 3h4v14h-4zM11.5 3h4v14h-4z',
    forward: 'M5 3v14l10.5-7z',
    last: 'M14.8 3H17v14h-2.2zM3 3v14l10.5-7z',
  };
  return (
    <svg className="replay-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[props.icon]} fill="currentColor" />
    </svg>
  );
}

export function ReplayPanel(props: {
  replay: ReplaySession;
  frame: ReplayFrame;
  onSeek: (turn: number) => void;
  onStep: (by: number) => void;
  onFirst: () => void;
  onLast: () => void;
  onToggle: () => void;
  onSpeed: (ms: number) => void;
  onViewer: (v: Viewer) => void;
  onExit: () => void;
}): ReactNode {
  const { t, lang } = useI18n();
  const id = useId();
  const { replay: r, frame } = props;
  const total = frame.lastTurn;
  const atStart = frame.turn === 0;
  const atEnd = frame.turn >= total;
  const date = turnDate(frame.state, frame.turn);
  const when = t('app.time.quarter', { year: String(date.year), q: date.quarter });
  const position = atStart ? t('app.replay.positionStart', { total }) : t('app.replay.position', { turn: frame.turn, total });
  const button = (icon: Icon, label: string, onClick: () => void, disabled: boolean, primary = false) => (
    <button
      type="button"
      className={`btn replay-btn${primary ? ' btn-primary' : ''}`}
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={label}
    >
      <TransportIcon icon={icon} />
    </button>
  );

  return (
    <section className="panel replay-panel" aria-labelledby={`${id}-title`}>
      <header className="panel-head replay-head">
        <div className="replay-head-text">
          <h2 id={`${id}-title`}>{t('app.replay.title')}</h2>
          <p className="panel-sub">{frame.state.scenario.title[lang]}</p>
          <p className="replay-file muted">
            {r.name} · {t('app.replay.meta', { seed: String(r.log.seed), turns: total })}
          </p>
        </div>
        <button type="button" className="btn replay-exit" onClick={props.onExit}>
          {t('app.replay.exit')}
        </button>
      </header>

      <div className="replay-controls" role="group" aria-label={t('app.replay.controls')}>
        <div className="replay-row">
          <p className="replay-position" aria-live="polite">
            <strong>{position}</strong> <span className="muted">· {when}</span>
          </p>
          <label className="replay-speed">
            <span>{t('app.replay.speed')}</span>
            <select value={r.speedMs} onChange={(e) => props.onSpeed(Number(e.target.value))}>
              {REPLAY_SPEEDS.map((ms) => (
                <option key={ms} value={ms}>
                  {t(`app.replay.speeds.${ms}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="replay-row">
          <div className="replay-buttons">
            {button('first', t('app.replay.first'), props.onFirst, atStart)}
            {button('back', t('app.replay.back'), () => props.onStep(-1), atStart)}
            {button(
              r.playing ? 'pause' : 'play',
              r.playing ? t('app.replay.pause') : t('app.replay.play'),
              props.onToggle,
              total === 0,
              true,
            )}
            {button('forward', t('app.replay.forward'), () => props.onStep(1), atEnd)}
            {button('last', t('app.replay.last'), props.onLast, atEnd)}
          </div>
          <label className="replay-slider">
            <span className="sr-only">{t('app.replay.slider')}</span>
            <input
              type="range"
              min={0}
              max={total}
              step={1}
              value={frame.turn}
              disabled={total === 0}
              aria-valuetext={atStart ? t('app.replay.sliderStart') : t('app.replay.sliderValue', { turn: frame.turn })}
              onChange={(e) => props.onSeek(Number(e.target.value))}
            />
            <span className="replay-slider-ends" aria-hidden="true">
              {frame.turn}/{total}
            </span>
          </label>
        </div>
        <fieldset className="replay-viewer">
          <legend>{t('app.replay.viewAs')}</legend>
          <div className="segmented">
            {VIEWERS.map((v) => (
              <label key={v} className={`${r.viewer === v ? 'on' : ''}${v === 'facilitator' ? '' : ` side-${v}`}`}>
                <input type="radio" name={`${id}-viewer`} value={v} checked={r.viewer === v} onChange={() => props.onViewer(v)} />
                {t(`app.replay.as.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="field-help replay-help">
        {t('app.replay.viewHelp')} {t('app.replay.keys')}
      </p>

      <TurnReport
        key={`${frame.turn}-${r.viewer}`}
        level={3}
        game={frame.view}
        outcome={frame.outcome}
        setup={frame.setup}
        turnLabel={`${position} · ${when} · ${t('app.replay.asLong', { viewer: `@app.replay.as.${r.viewer}` })}`}
      />
    </section>
  );
}
