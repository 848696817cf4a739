import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './frame/AppFrame';
import { AuditLogPage } from './pages/AuditLogPage';
import { DashboardPage } from './pages/DashboardPage';
import { MappingsPage } from './pages/MappingsPage';
import { ReconciliationPage } from './pages/ReconciliationPage';
import { ReviewQueuePage } from './pages/ReviewQueuePage';
import { SettingsPage } from './pages/SettingsPage';
import { FirstRunGate } from './pages/setup/FirstRunGate';
import { SetupPage } from './pages/setup/SetupPage';

/**
 * Every page inside the app frame; paths match `frame/destinations.ts` (plus the setup wizard, which opens instead of
 * the dashboard on a first run); anything unknown goes to the dashboard.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppFrame />}>
        <Route
          index
          element={
            <FirstRunGate>
              <DashboardPage />
            </FirstRunGate>
          }
        />
        <Route path="setup" element={<SetupPage />} />
        <Route path="review" element={<ReviewQueuePage />} />
        <Route path="reconciliation" element={<ReconciliationPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="mappings" element={<MappingsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
