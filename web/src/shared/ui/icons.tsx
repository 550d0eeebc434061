/** Inline SVG icons (no emoji: some devices and kiosks have no emoji font). */
const common = { width: 26, height: 26, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export function MicIcon({ off = false }: { off?: boolean }) {
  return (
    <svg {...common}>
      <rect x="9" y="2" width="6" height="12" rx="3" />
      <path d="M5 10v1a7 7 0 0 0 14 0v-1M12 18v4M8 22h8" />
      {off && <path d="M3 3l18 18" />}
    </svg>
  );
}

export function CameraIcon({ off = false }: { off?: boolean }) {
  return (
    <svg {...common}>
      <rect x="2" y="6" width="14" height="12" rx="2" />
      <path d="M16 10l6-3v10l-6-3z" />
      {off && <path d="M3 3l18 18" />}
    </svg>
  );
}

export function HangUpIcon() {
  return (
    <svg {...common}>
      <path d="M3 15c5-4 13-4 18 0l-2 3-4-1v-3a12 12 0 0 0-6 0v3l-4 1z" />
    </svg>
  );
}

export function SpeakerIcon() {
  return (
    <svg {...common}>
      <path d="M4 9h4l5-4v14l-5-4H4z" />
      <path d="M17 9a4 4 0 0 1 0 6M19.5 6.5a8 8 0 0 1 0 11" />
    </svg>
  );
}
