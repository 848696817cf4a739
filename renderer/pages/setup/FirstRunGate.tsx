import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useProfiles } from '../../data/profiles';

/** The start page, except on a first run (no profile yet): then the setup wizard opens instead. */
export function FirstRunGate({ children }: { children: ReactNode }) {
  const profiles = useProfiles();
  if (profiles.data?.profiles.length === 0) return <Navigate to="/setup" replace />;
  return children;
}
