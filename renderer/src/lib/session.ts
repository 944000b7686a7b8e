import { create } from 'zustand';
import type { LoginInfo } from './api-types';

const STORAGE_KEY = 'stackyard.user';

function load(): LoginInfo | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as LoginInfo) : null;
  } catch {
    return null;
  }
}

interface SessionState {
  /** Who is signed in (from the login response); the session key itself stays in the transport. */
  user: LoginInfo | null;
  signIn(user: LoginInfo): void;
  signOut(): void;
}

export const useSession = create<SessionState>((set) => ({
  user: load(),
  signIn: (user) => {
    try {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(user));
    } catch {
      // ignore
    }
    set({ user });
  },
  signOut: () => {
    try {
      globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    } catch {
      // ignore
    }
    set({ user: null });
  },
}));

/** The signed-in user; only call below the login gate. */
export function useCurrentUser(): LoginInfo {
  const user = useSession((s) => s.user);
  if (!user) throw new Error('useCurrentUser called without a session');
  return user;
}
