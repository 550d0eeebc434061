import { useTranslation } from 'react-i18next';
import type { LocalMedia } from '../../media/local-media';
import { StreamVideo } from '../../media/media-element';
import { useAudioLevel } from '../../media/use-audio-level';
import { MicIcon } from '../../shared/ui/icons';
import { Notice } from '../../shared/ui/notice';
import { PermissionHelp } from './permission-help';

/** Preview of the acquired stream: mirrored video, microphone level, audio-only notice. */
export function DeviceCheck({ media }: { media: LocalMedia }) {
  const { t } = useTranslation(['join', 'media']);
  const level = useAudioLevel(media.stream);
  return (
    <section className="device-check" aria-labelledby="check-title">
      <h2 id="check-title">{t('check.title')}</h2>
      <div className="preview">
        <StreamVideo stream={media.stream} data-testid="device-preview" className="mirrored" aria-label={t('check.yourCamera')} />
        {!media.hasVideo && (
          <div className="preview-placeholder">
            <MicIcon /> {t('check.noVideoTitle')}
          </div>
        )}
      </div>
      <div className="level" aria-hidden="true">
        <div className="level-bar" style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
      <p className="muted small">{t('check.micLevel')}</p>
      {media.cameraIssue && (
        <Notice tone="warning" title={t('check.noVideoTitle')}>
          <p>{t(`media:camera.${media.cameraIssue}`)}</p>
          {media.cameraIssue === 'camera-denied' && <PermissionHelp />}
        </Notice>
      )}
    </section>
  );
}
