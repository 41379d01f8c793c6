import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, get, post, refreshSession, tokens } from './http';
import { hasPermission, type Permission } from '@contracts/accounts/permissions';
import type { MeResponse, TokenPairResponse } from '@contracts/api';

interface Session {
  me: MeResponse | null;
  /** true until the stored refresh token has been tried */
  restoring: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** What the API would allow this user (the same PERMISSIONS table its guards read). */
  can(permission: Permission): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | null>(null);
  const [restoring, setRestoring] = useState(true);
  const client = useQueryClient();

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        if (tokens.refresh && (await refreshSession())) {
          const who = await get<MeResponse>('/auth/me');
          if (live) setMe(who);
        }
      } catch {
        tokens.clear();
      } finally {
        if (live) setRestoring(false);
      }
    })();
    const off = tokens.onExpired(() => {
      setMe(null);
      client.clear();
    });
    return () => {
      live = false;
      off();
    };
  }, [client]);

  const login = useCallback(async (username: string, password: string) => {
    const pair = await api<TokenPairResponse>('/auth/login', {
      method: 'POST',
      json: { username, password },
    });
    tokens.adopt(pair);
    setMe(await get<MeResponse>('/auth/me'));
  }, []);

  const logout = useCallback(async () => {
    const refreshToken = tokens.refresh;
    try {
      if (refreshToken) await post('/auth/logout', { refreshToken });
    } catch {
      /* signing out locally is what matters */
    }
    tokens.clear();
    client.clear();
    setMe(null);
  }, [client]);

  const value = useMemo<Session>(
    () => ({ me, restoring, login, logout, can: (permission) => !!me && hasPermission(me.role, permission) }),
    [me, restoring, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The caller as a signed-in user (pages under the layout only render when signed in). */
export function useMe(): MeResponse {
  const { me } = useSession();
  if (!me) throw new Error('not signed in');
  return me;
}
