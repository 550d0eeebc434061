import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { MediaAccess } from '@visite/contracts';
import { EMPTY_FIGURES } from './network-quality';
import { RoomClient, type RoomState } from './room-client';

const IDLE_STATE: RoomState = {
  connection: 'connecting',
  closeReason: null,
  error: null,
  errorCode: null,
  peers: [],
  micEnabled: true,
  cameraEnabled: true,
  hasCamera: false,
  reconnectAttempt: 0,
  quality: 'unknown',
  qualityReason: null,
  figures: EMPTY_FIGURES,
  mediaRecovering: false,
  iceRestarts: 0,
  needsHelp: false,
  audioOnly: 'off',
};

/**
 * Creates a RoomClient for `localStream`, joins, and closes it on unmount. `getAccess` is read through
 * a ref-like closure so a new function identity does not rebuild the room.
 */
export function useRoom(localStream: MediaStream | null, getAccess: () => Promise<MediaAccess>, enabled = true): { client: RoomClient | null; state: RoomState } {
  const [client, setClient] = useState<RoomClient | null>(null);
  const [accessRef] = useState(() => ({ current: getAccess }));
  accessRef.current = getAccess;

  useEffect(() => {
    if (!localStream || !enabled) return;
    const room = new RoomClient({ localStream, getAccess: () => accessRef.current() });
    setClient(room);
    void room.join();
    return () => {
      room.close();
      setClient(null);
    };
  }, [localStream, enabled, accessRef]);

  const subscribe = useCallback((onChange: () => void) => (client ? client.subscribe(onChange) : () => undefined), [client]);
  const getSnapshot = useCallback(() => (client ? client.getState() : IDLE_STATE), [client]);
  const state = useSyncExternalStore(subscribe, getSnapshot);
  return { client, state };
}
