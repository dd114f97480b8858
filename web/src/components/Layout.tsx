import { useState, type MouseEvent, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { useI18n } from '../i18n/I18nContext';
import { describeError } from '../lib/errors';
import { isStaff } from '../lib/roles';
import { useSession } from '../state/SessionContext';
import { useToasts } from '../state/ToastContext';
import { LanguageSwitch } from './LanguageSwitch';
import { LiveStatusBadge } from './LiveStatusBadge';

function SkipLink() {
  const { t } = useI18n();
  // With HashRouter a plain href="#main" would be a route: move the focus by hand.
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={onClick}>
      {t('app.skip')}
    </a>
  );
}

function LogoutButton() {
  const i18n = useI18n();
  const { logout } = useSession();
  const { show } = useToasts();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    setBusy(true);
    logout()
      .catch((error: unknown) => show({ title: describeError(error, i18n).message, tone: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <button type="button" className="button button-secondary button-small" onClick={onClick} disabled={busy} data-testid="logout">
      {busy ? i18n.t('nav.loggingOut') : i18n.t('nav.logout')}
    </button>
  );
}

const CUSTOMER_NAV = [
  { to: '/', key: 'nav.home', testId: 'nav-home' },
  { to: '/transfer', key: 'nav.transfer', testId: 'nav-transfer' },
  { to: '/payments', key: 'nav.payments', testId: 'nav-payments' },
  { to: '/movements', key: 'nav.movements', testId: 'nav-movements' },
  { to: '/notifications', key: 'nav.notifications', testId: 'nav-notifications' },
  { to: '/profile', key: 'nav.profile', testId: 'nav-profile' },
] as const;

const STAFF_NAV = [{ to: '/backoffice', key: 'nav.backoffice', testId: 'nav-backoffice' }] as const;

/** Header (brand, live status, language, logout), main navigation and the main landmark. */
export function Layout({ children, authenticated }: { children: ReactNode; authenticated: boolean }) {
  const { t } = useI18n();
  const { state } = useSession();
  const staff = state.status === 'authenticated' && isStaff(state.session);
  const nav = staff ? STAFF_NAV : CUSTOMER_NAV;
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="header-bar container">
          <Link to={staff ? '/backoffice' : '/'} className="brand" aria-label={`${t('app.name')} · ${t('nav.home')}`}>
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            {authenticated ? <LogoutButton /> : null}
          </div>
        </div>
        {authenticated ? (
          <div className="nav-bar">
            <div className="nav-inner container">
              <nav className="main-nav" aria-label={t('nav.label')}>
                <ul>
                  {nav.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.to === '/'} data-testid={item.testId}>
                        {t(item.key)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
              {staff ? null : <LiveStatusBadge />}
            </div>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
    </>
  );
}
