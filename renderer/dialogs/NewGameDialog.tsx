/** New game: scenario, who plays each side (human or computer, with difficulty), seed, turns, language. */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { LANGS, useI18n, type Lang } from '../i18n';
import { BUILTIN_SCENARIOS, SIDES, type Side } from '../app-state/engine';
import { DIFFICULTIES, type Difficulty, type Seat, type Setup } from '../app-state/types';
import { Modal } from './Modal';

const randomSeed = (): number => {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return (a[0] ?? 1) % 1_000_000;
};

const defaultSeats = (): Record<Side, Seat> => ({
  state: { kind: 'human', difficulty: 'normal' },
  clans: { kind: 'computer', difficulty: 'normal' },
  insurgents: { kind: 'computer', difficulty: 'normal' },
});

export function NewGameDialog(props: { open: boolean; onClose: () => void; onStart: (setup: Setup, lang: Lang) => void }): ReactNode {
  const { t, lang } = useI18n();
  const id = useId();
  const first = BUILTIN_SCENARIOS[0];
  const [scenarioId, setScenarioId] = useState(first?.id ?? '');
  const [seats, setSeats] = useState(defaultSeats);
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [turns, setTurns] = useState(String(first?.turns ?? 12));
  const [gameLang, setGameLang] = useState<Lang>(lang);
  const [problem, setProblem] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');

  useEffect(() => {
    if (props.open) {
      setGameLang(lang);
      setProblem(null);
    }
  }, [props.open, lang]);

  const scenario = BUILTIN_SCENARIOS.find((s) => s.id === scenarioId);
  const setSeat = (side: Side, patch: Partial<Seat>) => setSeats((s) => ({ ...s, [side]: { ...s[side], ...patch } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const seedN = Number(seed);
    const turnsN = Number(turns);
    if (!scenario) return setProblem(t('app.newGame.errorScenario'));
    if (seed.trim() === '' || !Number.isSafeInteger(seedN) || seedN < 0) return setProblem(t('app.newGame.errorSeed'));
    if (!Number.isInteger(turnsN) || turnsN < 1 || turnsN > 200) return setProblem(t('app.newGame.errorTurns', { min: 1, max: 200 }));
    props.onStart(
      {
        scenarioId: scenario.id,
        seats,
        seed: seedN,
        turns: turnsN,
        ...(passphrase.trim() ? { facilitatorPassphrase: passphrase.trim() } : {}),
      },
      gameLang,
    );
  };

  return (
    <Modal open={props.open} onClose={props.onClose} labelledBy={`${id}-title`} className="dialog-new-game">
      <form onSubmit={submit} className="dialog-body" noValidate>
        <h2 id={`${id}-title`}>{t('app.newGame.title')}</h2>
        <div className="field">
          <label htmlFor={`${id}-scenario`}>{t('app.newGame.scenario')}</label>
          <select
            id={`${id}-scenario`}
            value={scenarioId}
            onChange={(e) => {
              setScenarioId(e.target.value);
              const sc = BUILTIN_SCENARIOS.find((s) => s.id === e.target.value);
              if (sc) setTurns(String(sc.turns));
            }}
          >
            {BUILTIN_SCENARIOS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[lang]}
              </option>
            ))}
          </select>
          {scenario ? <p className="field-help">{scenario.description[lang]}</p> : null}
        </div>
        <fieldset className="seats">
          <legend>{t('app.newGame.players')}</legend>
          {SIDES.map((side) => {
            const seat = seats[side];
            return (
              <div role="radiogroup" aria-label={t(`app.side.${side}`)} className="seat" key={side}>
                <span className={`seat-name side-${side}`} aria-hidden="true">
                  {t(`app.side.${side}`)}
                </span>
                <label className="radio">
                  <input
                    type="radio"
                    name={`${id}-${side}`}
                    checked={seat.kind === 'human'}
                    onChange={() => setSeat(side, { kind: 'human' })}
                  />
                  {t('app.newGame.human')}
                </label>
                <label className="radio">
                  <input
                    type="radio"
                    name={`${id}-${side}`}
                    checked={seat.kind === 'computer'}
                    onChange={() => setSeat(side, { kind: 'computer' })}
                  />
                  {t('app.newGame.computer')}
                </label>
                <select
                  aria-label={t('app.newGame.difficultyFor', { side: `@app.side.${side}` })}
                  value={seat.difficulty}
                  disabled={seat.kind !== 'computer'}
                  onChange={(e) => setSeat(side, { difficulty: e.target.value as Difficulty })}
                >
                  {DIFFICULTIES.map((d) => (
                    <option key={d} value={d}>
                      {t(`app.difficulty.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <p className="field-help">{t('app.newGame.seatsHelp')}</p>
        </fieldset>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-seed`}>{t('app.newGame.seed')}</label>
            <div className="inline">
              <input
                id={`${id}-seed`}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
              />
              <button type="button" className="btn" onClick={() => setSeed(String(randomSeed()))}>
                {t('app.newGame.randomSeed')}
              </button>
            </div>
            <p className="field-help">{t('app.newGame.seedHelp')}</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-turns`}>{t('app.newGame.turns')}</label>
            <input id={`${id}-turns`} type="number" min={1} max={200} step={1} value={turns} onChange={(e) => setTurns(e.target.value)} />
            <p className="field-help">{t('app.newGame.turnsHelp')}</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-lang`}>{t('app.newGame.language')}</label>
            <select id={`${id}-lang`} value={gameLang} onChange={(e) => setGameLang(e.target.value as Lang)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`app.lang.${l}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{t('console.newGame.passphrase')}</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            maxLength={200}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <p className="field-help">{t('console.newGame.passphraseHelp')}</p>
        </div>
        {problem ? (
          <p role="alert" className="form-error">
            {problem}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            {t('app.action.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('app.newGame.start')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
