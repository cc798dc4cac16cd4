/**
 * Help (issue 10): a rules summary, a glossary and a guide to the scores, in the language of the
 * interface. The score guide reads the weights and scales of the scenario being played (or the
 * built-in one), so what it says is what the engine scores.
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { BUILTIN_SCENARIOS, type Scenario } from '../app-state/engine';
import { Modal } from './Modal';

export type HelpTopic = 'rules' | 'glossary' | 'scores';
export const HELP_TOPICS: readonly HelpTopic[] = ['rules', 'glossary', 'scores'];

const RULES = ['turn', 'sides', 'standing', 'quarter', 'eradication', 'balloon', 'interdiction', 'report'] as const;
/** Glossary entries: the term as shown (proper nouns and acronyms, the same in both languages) and its key. */
const TERMS: { term: string; key: string; es?: string }[] = [
  { term: 'CORAH', key: 'CORAH' },
  { term: 'DEVIDA', key: 'DEVIDA' },
  { term: 'HCl', key: 'HCl' },
  { term: 'La Convención', key: 'Convencion' },
  { term: 'Ley de interdicción', key: 'law' },
  { term: 'Narco-flight', key: 'narcoflight', es: 'Narcovuelo' },
  { term: 'PBC', key: 'PBC' },
  { term: 'Pichis-Palcazú', key: 'Pichis' },
  { term: 'Putumayo', key: 'Putumayo' },
  { term: 'ROE', key: 'ROE', es: 'Reglas de enfrentamiento' },
  { term: 'Sendero Luminoso', key: 'SL' },
  { term: 'Alto Huallaga', key: 'Huallaga' },
  { term: 'UNODC', key: 'UNODC' },
  { term: 'VRAEM', key: 'VRAEM' },
  { term: 'Family clans', key: 'clans', es: 'Clanes familiares' },
];

const pct = (x: number): number => Math.round(x * 100);

export function HelpDialog(props: {
  topic: HelpTopic | null;
  scenario?: Scenario | undefined;
  onTopic: (t: HelpTopic) => void;
  onClose: () => void;
}): ReactNode {
  const { t, fmt, lang } = useI18n();
  const id = useId();
  const topic = props.topic ?? 'rules';
  const p = (props.scenario ?? BUILTIN_SCENARIOS[0]!).params;
  return (
    <Modal open={props.topic !== null} onClose={props.onClose} labelledBy={`${id}-title`} className="dialog-help">
      <div className="dialog-body">
        <h2 id={`${id}-title`}>{t(`help.${topic}.title`)}</h2>
        <div role="tablist" aria-label={t('help.tabs')} className="segmented help-tabs">
          {HELP_TOPICS.map((h) => (
            <button
              key={h}
              type="button"
              role="tab"
              aria-selected={h === topic}
              className={h === topic ? 'on' : undefined}
              onClick={() => props.onTopic(h)}
            >
              {t(`help.menu.${h}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" className="help-body" tabIndex={0}>
          {topic === 'rules' ? (
            <ul className="lines help-rules">
              {RULES.map((k) => (
                <li key={k}>{t(`help.rules.items.${k}`)}</li>
              ))}
            </ul>
          ) : topic === 'glossary' ? (
            <dl className="help-glossary">
              {TERMS.map((x) => ({ ...x, shown: lang === 'es' && x.es ? x.es : x.term }))
                .sort((a, b) => a.shown.localeCompare(b.shown, lang))
                .map((x) => (
                  <div key={x.key} className="help-term">
                    <dt>{x.shown}</dt>
                    <dd>{t(`help.glossary.terms.${x.key}`)}</dd>
                  </div>
                ))}
            </dl>
          ) : (
            <div className="help-scores">
              <p>{t('help.scores.intro')}</p>
              <ul className="lines">
                <li className="side-state">
                  {t('help.scores.state', {
                    legitimacy: pct(p.scoreStateLegitimacy),
                    coca: pct(p.scoreStateCoca),
                    cocaScale: fmt(p.scoreCocaScale),
                    fighters: pct(p.scoreStateFighters),
                    fightersScale: fmt(p.scoreFightersScale),
                    us: pct(p.scoreStateUsSupport),
                    deaths: pct(p.scoreStateDeaths),
                    deathsScale: fmt(p.scoreDeathsScale),
                  })}
                </li>
                <li className="side-clans">
                  {t('help.scores.clans', {
                    scale: fmt(p.scoreClansScale),
                    revenue: pct(p.scoreClansRevenue),
                    exports: pct(1 - p.scoreClansRevenue),
                  })}
                </li>
                <li className="side-insurgents">
                  {t('help.scores.insurgents', {
                    fightersScale: fmt(p.scoreFightersScale),
                    fighters: pct(p.scoreInsurgentFighters),
                    front: pct(p.scoreInsurgentFront),
                    revenueScale: fmt(p.scoreInsurgentRevenueScale),
                    revenue: pct(p.scoreInsurgentRevenue),
                  })}
                </li>
              </ul>
            </div>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={props.onClose} autoFocus>
            {t('help.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
