import type { ReactNode } from 'react';
import { AuthProvider } from '../features/auth/auth-context';

export function Providers({ children }: { children: ReactNode }) {
  return <AuthProvider>{children}</AuthProvider>;
}
