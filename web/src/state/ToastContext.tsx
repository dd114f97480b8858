import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

export interface Toast {
  id: string;
  title: string;
  body?: string;
  tone: 'info' | 'success' | 'error';
}

interface ToastApi {
  show: (toast: Omit<Toast, 'id'>) => void;
}

const ToastContext = createContext<ToastApi | null>(null);
const LIFETIME_MS = 8000;
let sequence = 0;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<string, number>());

  const dismiss = useCallback((id: string) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
    const timer = timers.current.get(id);
    if (timer !== undefined) {
      window.clearTimeout(timer);
      timers.current.delete(id);
    }
  }, []);

  const show = useCallback((toast: Omit<Toast, 'id'>) => {
    sequence += 1;
    const id = `toast-${sequence}`;
    setToasts((current) => [{ ...toast, id }, ...current].slice(0, 4));
    timers.current.set(id, window.setTimeout(() => dismiss(id), LIFETIME_MS));
  }, [dismiss]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => window.clearTimeout(timer));
  }, []);

  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastRegion({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label={t('toast.region')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast">
          <div className="toast-text">
            <strong className="toast-title">{toast.title}</strong>
            {toast.body ? <span className="toast-body">{toast.body}</span> : null}
          </div>
          <button type="button" className="toast-close" onClick={() => onDismiss(toast.id)} aria-label={t('toast.close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function useToasts(): ToastApi {
  const context = useContext(ToastContext);
  if (!context) {
    throw new Error('useToasts outside ToastProvider');
  }
  return context;
}
