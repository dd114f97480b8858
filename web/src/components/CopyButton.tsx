import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http on another host than localhost has no clipboard API: the old way.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.appendChild(area);
  area.select();
  try {
    if (!document.execCommand('copy')) {
      throw new Error('copy refused');
    }
  } finally {
    area.remove();
  }
}

/** A "Copy" button whose accessible name says what it copies; the result is announced. */
export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onClick = () => {
    copyText(value)
      .then(() => setState('done'))
      .catch(() => setState('failed'))
      .finally(() => {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => setState('idle'), 2500);
      });
  };

  return (
    <>
      <button type="button" className="button button-secondary button-small" onClick={onClick} aria-label={label} data-testid={testId}>
        {state === 'done' ? t('copy.done') : t('copy.button')}
      </button>
      <span className="sr-only" role="status">
        {state === 'done' ? t('copy.done') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </>
  );
}
