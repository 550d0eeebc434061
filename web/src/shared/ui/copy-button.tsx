import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text` to the clipboard, with a fallback for browsers without the async clipboard API. */
export function CopyButton({ text, testId, label, inputId }: { text: string; testId?: string; label?: string; inputId?: string }) {
  const { t } = useTranslation();
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
      {copied ? t('copied') : (label ?? t('copy'))}
    </button>
  );
}
