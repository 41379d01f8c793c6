import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/http';
import { SessionProvider, useSession } from './api/session';
import { AppLayout } from './layout/app-layout';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import './format';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a network blip might.
      retry: (n, err) => n < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

// Each page is its own chunk: the dashboard's first load carries no ledger, admin or chart code it does not use.
const DashboardPage = lazy(() => import('./pages/dashboard-page'));
const TodoPage = lazy(() => import('./pages/todo-page'));
const LedgerPage = lazy(() => import('./pages/ledger-page'));
const ItemPage = lazy(() => import('./pages/item/item-page'));
const EvaluationsPage = lazy(() => import('./pages/evaluations/evaluations-page'));
const EvaluationPage = lazy(() => import('./pages/evaluations/evaluation-page'));
const ImportPage = lazy(() => import('./pages/evaluations/import-page'));
const DraftPage = lazy(() => import('./pages/evaluations/draft-page'));
const IssuePage = lazy(() => import('./pages/evaluations/issue-page'));
const NotificationsPage = lazy(() => import('./pages/notifications-page'));
const UnitsPage = lazy(() => import('./pages/admin/units-page'));
const UsersPage = lazy(() => import('./pages/admin/users-page'));
const AuditPage = lazy(() => import('./pages/admin/audit-page'));
const FailuresPage = lazy(() => import('./pages/admin/failures-page'));
const CalendarPage = lazy(() => import('./pages/admin/calendar-page'));
const PolicyDefaultsPage = lazy(() => import('./pages/admin/policy-defaults-page'));
const PreferencesPage = lazy(() => import('./pages/preferences-page'));
const ResultsPage = lazy(() => import('./pages/results-page'));
const RechecksPage = lazy(() => import('./pages/rechecks-page'));

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} tip="正在加载…" />}>{node}</Suspense>
);

function Protected() {
  const { me, restoring } = useSession();
  if (restoring) return <Spin style={{ display: 'block', margin: 96 }} />;
  if (!me)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <AppLayout />;
}

function Home() {
  const bureau = useSession().can('readAcrossUnits');
  return <Navigate to={bureau ? '/dashboard' : '/todo'} replace />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <Protected />,
    children: [
      { index: true, element: <Home /> },
      { path: 'dashboard', element: page(<DashboardPage />) },
      { path: 'todo', element: page(<TodoPage />) },
      { path: 'rectifications', element: page(<LedgerPage />) },
      { path: 'ledger', element: <Navigate to="/rectifications" replace /> },
      { path: 'rectifications/:id', element: page(<ItemPage />) },
      { path: 'evaluations', element: page(<EvaluationsPage />) },
      { path: 'evaluations/import', element: page(<ImportPage />) },
      { path: 'evaluations/:id', element: page(<EvaluationPage />) },
      { path: 'evaluations/:id/draft', element: page(<DraftPage />) },
      { path: 'evaluations/:id/issue', element: page(<IssuePage />) },
      { path: 'results-application', element: page(<ResultsPage />) },
      { path: 'rechecks', element: page(<RechecksPage />) },
      { path: 'notifications', element: page(<NotificationsPage />) },
      { path: 'preferences', element: page(<PreferencesPage />) },
      { path: 'admin/units', element: page(<UnitsPage />) },
      { path: 'admin/users', element: page(<UsersPage />) },
      { path: 'admin/audit-log', element: page(<AuditPage />) },
      { path: 'admin/notification-failures', element: page(<FailuresPage />) },
      { path: 'admin/calendar', element: page(<CalendarPage />) },
      { path: 'admin/policy-defaults', element: page(<PolicyDefaultsPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App({ nonce }: { nonce?: string }) {
  return (
    <ConfigProvider
      locale={zhCN}
      csp={nonce ? { nonce } : undefined}
      // Buttons read exactly as written (antd would put a space into two-character labels: 登 录).
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1677ff' } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
