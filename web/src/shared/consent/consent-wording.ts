import type { ConsentTextToAccept, ConsentWording, Language } from '@visite/contracts';

/** The paragraphs a participant reads: the audio-only wording when they have no video (and the text has one). */
export function consentParagraphs(text: Pick<ConsentTextToAccept, 'content'>, language: Language, wording: ConsentWording): string[] {
  const content = text.content[language];
  const body = wording === 'audio' && content.audioBody ? content.audioBody : content.body;
  return body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
}
