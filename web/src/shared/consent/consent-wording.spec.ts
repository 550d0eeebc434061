import { consentParagraphs } from './consent-wording';

const text = {
  content: {
    fr: { title: 'T', body: 'Par vidéo.\n\nDeux.', audioBody: 'Par téléphone.' },
    en: { title: 'T', body: 'By video.', audioBody: null },
  },
};

describe('consentParagraphs', () => {
  it('gives the audio-only wording to a patient without video, never "by video"', () => {
    expect(consentParagraphs(text, 'fr', 'audio')).toEqual(['Par téléphone.']);
    expect(consentParagraphs(text, 'fr', 'video')).toEqual(['Par vidéo.', 'Deux.']);
  });
  it('falls back to the one wording of a text that has no audio variant', () => {
    expect(consentParagraphs(text, 'en', 'audio')).toEqual(['By video.']);
  });
});
