import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdminApi } from './api';

export interface DashboardContext {
  api: AdminApi;
  /** False once a write answered 403 (read-only token): write controls are not rendered. */
  canWrite: boolean;
}

export const Dashboard = createContext<DashboardContext | null>(null);

export function useDashboard(): DashboardContext {
  const context = useContext(Dashboard);
  if (!context) throw new Error('useDashboard outside <Dashboard.Provider>');
  return context;
}
