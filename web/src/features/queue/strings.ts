import type { VisitStatus } from '@visite/contracts';

export const QUEUE_TEXT = {
  title: "Today's consultations",
  empty: 'No consultation today yet. Create one with the form.',
  loading: 'Loading your queue…',
  live: 'Live',
  offlineLive: 'Live updates interrupted — reconnecting…',
  admit: 'Admit',
  admitting: 'Admitting…',
  joinRoom: 'Join',
  codeVisit: 'Code visit',
  newLink: 'New link',
  online: 'Online',
  offline: 'Offline',
  waitingFor: 'waiting for',
  scheduled: 'at',
  newVisit: {
    title: 'New visit',
    firstName: 'First name',
    lastName: 'Last name',
    birthDate: 'Birth date',
    phone: 'Mobile phone',
    email: 'E-mail',
    contactHint: 'At least a phone number or an e-mail address, to send the link.',
    submit: 'Create the visit',
    submitting: 'Creating…',
  },
  link: {
    title: 'Link for',
    help: 'Send this link to the patient. It is shown only once: copy it now (you can issue a new one later).',
    copy: 'Copy link',
    expires: 'Valid until',
    close: 'Done',
  },
  message: {
    title: 'Message to waiting patients',
    placeholder: 'e.g. Running 15 minutes late, thank you for your patience.',
    send: 'Send',
    clear: 'Clear',
    sent: 'Message sent to waiting patients.',
    cleared: 'Message cleared.',
  },
  titleAlert: (n: number) => `(${n}) Patient waiting — Visite`,
  baseTitle: 'Visite — Queue',
};

export const STATUS_LABELS: Record<VisitStatus, string> = {
  scheduled: 'Scheduled',
  waiting: 'Waiting',
  in_progress: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
