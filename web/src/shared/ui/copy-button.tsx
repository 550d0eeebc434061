import { useState } from 'react';

/** Copies `text` to the clipboard, with a fallback for browsers without the async clipboard API. */
export function CopyButton({ text, testId, label = 'Copy', inputId }: { text: string; testId?: string; label?: string; inputId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const input = inputId ? (document.getElementById(inputId) as HTMLInputElement | null) : null;
      input?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="btn btn-secondary" data-testid={testId} onClick={() => void copy()}>
      {copied ? 'Copied ✓' : label}
    </button>
  );
}
