/** The planning clock on the public screen: time left, amber in the last minute, "time is up" at zero. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { clockLeft, CLOCK_WARN_MS, type ClockState } from './fac-types';
import { useNow } from './ConsoleApp';

export function formatClock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function ClockBadge(props: { clock: ClockState }): ReactNode {
  const { t } = useI18n();
  const c = props.clock;
  const now = useNow(c.runningSince !== null);
  if (c.limitMs === 0 && !c.expired) return null;
  const left = clockLeft(c, now);
  const state = c.expired || left === 0 ? 'up' : left <= CLOCK_WARN_MS ? 'warn' : c.runningSince === null ? 'paused' : 'running';
  return (
    <div className={`fac-clock fac-clock-${state}`} role="timer" aria-label={t('console.public.clockLabel')}>
      <span className="fac-clock-label">
        {state === 'up' ? t('console.public.timeUp') : state === 'paused' ? t('console.public.paused') : t('console.public.planningTime')}
      </span>
      <span className="fac-clock-time">{formatClock(left)}</span>
    </div>
  );
}
