/** About: version, credits, and the licences of the bundled libraries and map data. */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Modal } from './Modal';

/** Bundled third-party work, with the licence each ships under. Names are proper nouns. */
const LICENCES: { name: string; licenceKey: string; noteKey?: string }[] = [
  { name: 'amCharts 5 geodata', licenceKey: 'app.about.licenceAmcharts', noteKey: 'app.about.amcharts' },
  { name: 'Natural Earth', licenceKey: 'app.about.licencePublicDomain', noteKey: 'app.about.naturalEarth' },
  { name: 'Phaser', licenceKey: 'app.about.licenceMit' },
  { name: 'React', licenceKey: 'app.about.licenceMit' },
  { name: 'Immer', licenceKey: 'app.about.licenceMit' },
  { name: 'zod', licenceKey: 'app.about.licenceMit' },
  { name: 'd3-geo', licenceKey: 'app.about.licenceIsc' },
];

export function AboutDialog(props: { open: boolean; version: string; onClose: () => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  return (
    <Modal open={props.open} onClose={props.onClose} labelledBy={`${id}-title`} className="dialog-about">
      <div className="dialog-body">
        <h2 id={`${id}-title`}>{t('app.about.title')}</h2>
        <p className="about-version">{t('app.about.version', { version: props.version })}</p>
        <p>{t('app.about.blurb')}</p>
        <h3>{t('app.about.credits')}</h3>
        <p>{t('app.about.creditsText')}</p>
        <p>{t('app.about.source')}</p>
        <p className="about-mapdata">{t('app.about.mapData')}</p>
        <h3>{t('app.about.licences')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('app.about.component')}</th>
              <th scope="col">{t('app.about.licence')}</th>
            </tr>
          </thead>
          <tbody>
            {LICENCES.map((l) => (
              <tr key={l.name}>
                <th scope="row">{l.name}</th>
                <td>
                  {t(l.licenceKey)}
                  {l.noteKey ? <span className="field-help"> — {t(l.noteKey)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={props.onClose} autoFocus>
            {t('app.action.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
