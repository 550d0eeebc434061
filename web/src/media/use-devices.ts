import { useEffect, useState } from 'react';
import { listDevices, type DeviceLists } from './devices';

const EMPTY: DeviceLists = { cameras: [], microphones: [], speakers: [] };

/** The device lists, refreshed when a device is plugged in or out and when `refreshKey` changes. */
export function useDevices(refreshKey: unknown): DeviceLists {
  const [lists, setLists] = useState<DeviceLists>(EMPTY);
  useEffect(() => {
    let live = true;
    const refresh = () => void listDevices().then((l) => live && setLists(l));
    refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => {
      live = false;
      navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
    };
  }, [refreshKey]);
  return lists;
}
