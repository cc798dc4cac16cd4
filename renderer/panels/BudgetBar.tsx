/** The budget bar: how much of each pool (money, army, police, fighters) the plan uses. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { budgetUse } from '../app-state/engine';

export function BudgetBar(props: { uses: ReturnType<typeof budgetUse> }): ReactNode {
  const { t, fmt } = useI18n();
  return (
    <div className="budget" role="group" aria-label={t('app.plan.budget')}>
      {props.uses.map((u) => {
        const share = u.available > 0 ? u.used / u.available : u.used > 0 ? 2 : 0;
        const over = u.used > u.available + 1e-9;
        const unitKey = u.pool === 'money' ? 'musd' : u.pool === 'fighters' ? 'fighters' : 'personnel';
        return (
          <div className={`budget-line${over ? ' over' : ''}`} key={u.pool}>
            <div className="budget-text">
              <span className="budget-pool">{t(`app.pool.${u.pool}`)}</span>
              <span className="budget-nums">
                {t('app.plan.usedOf', { used: fmt(u.used), available: t(`app.unit.${unitKey}`, { n: u.available }) })}
                {over ? <strong className="budget-over"> {t('app.plan.overBy', { n: fmt(u.used - u.available) })}</strong> : null}
              </span>
            </div>
            <div className="budget-track" aria-hidden="true">
              <div className="budget-fill" style={{ width: `${Math.min(100, share * 100)}%` }} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
