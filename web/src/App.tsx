import { lazy, Suspense, type ReactNode } from 'react';
import { HashRouter, Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { ErrorAlert } from './components/ErrorAlert';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { PageHeading } from './components/PageHeading';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { isStaff } from './lib/roles';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PaymentsPage } from './pages/PaymentsPage';
import { TransferPage } from './pages/TransferPage';
import { LiveProvider } from './state/LiveContext';
import { ProfileProvider } from './state/ProfileContext';
import { SessionProvider, useSession } from './state/SessionContext';
import { ToastProvider } from './state/ToastContext';

// Screens most visits never open load on demand (their own files under assets/, same origin for the CSP).
const BackOfficePage = lazy(() => import('./pages/BackOfficePage').then((module) => ({ default: module.BackOfficePage })));
const MovementsPage = lazy(() => import('./pages/MovementsPage').then((module) => ({ default: module.MovementsPage })));
const OnboardingPage = lazy(() => import('./pages/OnboardingPage').then((module) => ({ default: module.OnboardingPage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage').then((module) => ({ default: module.ProfilePage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading testId="page-loading" />}>{children}</Suspense>;
}

interface FromState {
  from?: { pathname: string; search: string };
}

/** Pages behind the login: anonymous visitors go to /login and come back afterwards. */
function RequireCustomer() {
  const { t } = useI18n();
  const { state } = useSession();
  const location = useLocation();
  if (state.status !== 'authenticated') {
    return <Navigate to="/login" replace state={{ from: { pathname: location.pathname, search: location.search } } satisfies FromState} />;
  }
  if (!state.session.customerId && isStaff(state.session)) {
    // Staff have no accounts: their screens are the back office.
    return <Navigate to="/backoffice" replace />;
  }
  if (!state.session.customerId) {
    return (
      <Layout authenticated>
        <PageHeading title={t('app.name')} />
        <p className="alert alert-info" role="status" data-testid="staff-only">
          {t('app.staffOnly')}
        </p>
      </Layout>
    );
  }
  return (
    <Layout authenticated>
      <Outlet />
    </Layout>
  );
}

/** The back office: staff only (a customer who types the address goes home). */
function RequireStaff() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status !== 'authenticated') {
    return <Navigate to="/login" replace state={{ from: { pathname: location.pathname, search: location.search } } satisfies FromState} />;
  }
  if (!isStaff(state.session)) {
    return <Navigate to="/" replace />;
  }
  return (
    <Layout authenticated>
      <Outlet />
    </Layout>
  );
}

/** Onboarding is for people without a login yet; it works the same for anyone who opens it. */
function OnboardingRoute() {
  const { state } = useSession();
  return (
    <Layout authenticated={state.status === 'authenticated'}>
      <Lazy>
        <OnboardingPage />
      </Lazy>
    </Layout>
  );
}

function LoginRoute() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'authenticated') {
    const from = (location.state as FromState | null)?.from;
    const home = isStaff(state.session) ? '/backoffice' : '/';
    const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : home;
    return <Navigate to={target} replace />;
  }
  return (
    <Layout authenticated={false}>
      <LoginPage />
    </Layout>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageHeading title={t('app.notFound')} />
      <p>
        <Link to="/">{t('app.backHome')}</Link>
      </p>
    </div>
  );
}

function AppRoutes() {
  const { t } = useI18n();
  const { state, reload } = useSession();
  if (state.status === 'loading') {
    return (
      <Layout authenticated={false}>
        <Loading testId="app-loading" />
      </Layout>
    );
  }
  if (state.status === 'error') {
    return (
      <Layout authenticated={false}>
        <PageHeading title={t('app.sessionError')} />
        <ErrorAlert error={state.error} onRetry={reload} testId="app-error" />
      </Layout>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route path="/onboarding" element={<OnboardingRoute />} />
      <Route element={<RequireStaff />}>
        <Route path="backoffice" element={<Lazy><BackOfficePage /></Lazy>} />
      </Route>
      <Route element={<RequireCustomer />}>
        <Route index element={<DashboardPage />} />
        <Route path="transfer" element={<TransferPage />} />
        <Route path="payments" element={<PaymentsPage />} />
        <Route path="movements" element={<Lazy><MovementsPage /></Lazy>} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="profile" element={<Lazy><ProfilePage /></Lazy>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <SessionProvider>
          <LiveProvider>
            <ProfileProvider>
              <HashRouter>
                <AppRoutes />
              </HashRouter>
            </ProfileProvider>
          </LiveProvider>
        </SessionProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
