import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentKind, JoinInfo } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { consentParagraphs } from '../../shared/consent/consent-wording';
import { useFormat } from '../../shared/i18n/use-format';
import { Notice } from '../../shared/ui/notice';
import { joinApi } from './join-api';

export interface ConsentStepProps {
  token: string;
  info: JoinInfo;
  /** The patient has no video (no camera, or refused): the audio-only wording, never "by video". */
  audioOnly: boolean;
  onConsented: (info: JoinInfo) => void;
}

/**
 * The practice's texts in the patient's language, each with its own box to tick; the answer records
 * the versions, the language and the wording shown. Already given (a reload): straight on.
 */
export function ConsentStep({ token, info, audioOnly, onConsented }: ConsentStepProps) {
  const { t } = useTranslation(['join', 'consent-flow']);
  const { language } = useFormat();
  const wording = audioOnly ? 'audio' : 'video';
  const [ticked, setTicked] = useState<Set<ConsentKind>>(() => new Set(info.consentGiven ? info.consent.texts.map((x) => x.kind) : []));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const all = info.consent.texts.every((text) => ticked.has(text.kind));

  const toggle = (kind: ConsentKind, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const answered = info.consentGiven ? info : await joinApi.consent(token, { texts: info.consent.texts.map(({ kind, version }) => ({ kind, version })), language, wording });
      onConsented(answered);
    } catch (e) {
      setError(errorMessage(e));
      setSubmitting(false);
    }
  };

  return (
    <section className="consent" aria-labelledby="consent-title" data-testid="consent-step" data-wording={wording}>
      <h1 id="consent-title">{t('consent.title')}</h1>
      <p className="muted">{audioOnly ? t('consent-flow:introAudio') : t('consent-flow:intro')}</p>
      {info.consent.texts.map((text) => {
        const content = text.content[language];
        return (
          <div key={text.kind} className="consent-item">
            <h2 id={`consent-${text.kind}-title`}>{content.title}</h2>
            <div className="consent-text" tabIndex={0} role="region" aria-labelledby={`consent-${text.kind}-title`} data-testid={`consent-text-${text.kind}`}>
              {consentParagraphs(text, language, wording).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </div>
            <label className="checkbox">
              <input data-testid={`consent-checkbox-${text.kind}`} type="checkbox" checked={ticked.has(text.kind)} onChange={(e) => toggle(text.kind, e.target.checked)} />
              <span>{t('consent-flow:acceptThis', { title: content.title })}</span>
            </label>
          </div>
        );
      })}
      {error && <Notice tone="error">{error}</Notice>}
      <button data-testid="enter-waiting-room" type="button" className="btn btn-primary btn-block btn-large" disabled={!all || submitting} onClick={() => void submit()}>
        {submitting ? t('consent.entering') : info.status === 'in_progress' ? t('consent.join') : t('consent.enter')}
      </button>
      <p className="muted small">{t('consent-flow:disagree')}</p>
    </section>
  );
}
