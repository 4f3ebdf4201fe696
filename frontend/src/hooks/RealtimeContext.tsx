import { RealtimeClient, realtimeUrl } from '@yujian/realtime';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { clearStores, connectBridge } from '../bridge/realtimeBridge';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** Builds the browser client: same-origin /ws, cookie auth (no token getter); the bridge subscribes. */
export function createBrowserClient(): RealtimeClient {
  return new RealtimeClient({ url: realtimeUrl() });
}

/**
 * Owns one RealtimeClient per signed-in user: created and connected when `userId` is set, closed
 * and its stores cleared when it changes or the user signs out, so no data leaks between users.
 */
export function RealtimeProvider(props: {
  userId: string | undefined;
  createClient?: () => RealtimeClient;
  children: ReactNode;
}) {
  const { userId, createClient = createBrowserClient, children } = props;
  const [client, setClient] = useState<RealtimeClient | null>(null);

  useEffect(() => {
    if (!userId) return undefined;
    const next = createClient();
    const unbridge = connectBridge(next);
    next.connect();
    setClient(next);
    return () => {
      unbridge();
      next.disconnect();
      clearStores();
      setClient(null);
    };
    // createClient is a factory fixed for the app's life; only a new user means a new client.
  }, [userId]);

  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** The current client, or null while signed out. */
export function useRealtimeClient(): RealtimeClient | null {
  return useContext(RealtimeContext);
}
