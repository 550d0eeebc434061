/**
 * The consent a patient accepts before a teleconsultation. Any change to the text gets a new version;
 * the version accepted is stored with each consent.
 */
export const CONSENT = {
  version: '2026-11-v1',
  text: [
    'I agree to a consultation by video with the doctor named above.',
    'The consultation is not recorded. Video and sound travel encrypted between my device and the practice.',
    'The doctor records the consultation in my medical file, as for a visit in person.',
    'I can stop the consultation at any time. If the video is not enough for the doctor to examine me, they may ask me to come in person.',
    'My personal data are processed by the practice under the GDPR (RGPD) and hosted by a certified health-data host (HDS).',
  ].join('\n'),
} as const;
