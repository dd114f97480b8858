/**
 * A demo run shows the sandbox's helpers (where the SMS codes are, the demo selfie): VITE_QUIPU_DEMO=true forces it,
 * VITE_QUIPU_DEMO=false hides it, unset shows it on localhost only (the local run).
 */
export function isDemo(): boolean {
  const flag = import.meta.env.VITE_QUIPU_DEMO as string | undefined;
  if (flag === 'true' || flag === 'false') {
    return flag === 'true';
  }
  return typeof window !== 'undefined' && ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
}
