import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './frame/AppFrame';
import { AuditLogPage } from './pages/AuditLogPage';
import { DashboardPage } from './pages/DashboardPage';
import { MappingsPage } from './pages/MappingsPage';
import { ReconciliationPage } from './pages/ReconciliationPage';
import { ReviewQueuePage } from './pages/ReviewQueuePage';
import { SettingsPage } from './pages/SettingsPage';

/** Every page inside the app frame; paths match `frame/destinations.ts`; anything unknown goes to the dashboard. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppFrame />}>
        <Route index element={<DashboardPage />} />
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
