import { useCallback, useEffect, useRef, useState } from 'react';
import { acquireLocalMedia, LocalMediaError, stopStream, type DeviceChoice, type LocalMedia } from './local-media';

export interface LocalMediaHandle {
  media: LocalMedia | null;
  error: LocalMediaError | null;
  acquiring: boolean;
  /** Calls getUserMedia once; later calls return the same stream. */
  acquire: () => Promise<LocalMedia | null>;
  /**
   * Asks again for real (a new getUserMedia, after stopping the current tracks): a retry after a refusal
   * or the camera allowed in the settings, or another device chosen.
   */
  reacquire: (choice?: DeviceChoice) => Promise<LocalMedia | null>;
}

/**
 * Owns the local camera/microphone stream of a page: acquired once (on a user gesture where possible),
 * reused by the preview and the room, and stopped when the page unmounts.
 */
export function useLocalMedia(): LocalMediaHandle {
  const [media, setMedia] = useState<LocalMedia | null>(null);
  const [error, setError] = useState<LocalMediaError | null>(null);
  const [acquiring, setAcquiring] = useState(false);
  const current = useRef<LocalMedia | null>(null);
  const pending = useRef<Promise<LocalMedia | null> | null>(null);
  const unmounted = useRef(false);

  const request = useCallback(async (choice: DeviceChoice = {}) => {
    setAcquiring(true);
    setError(null);
    pending.current = acquireLocalMedia(choice).then(
      (acquired) => {
        if (unmounted.current) {
          stopStream(acquired.stream);
          return null;
        }
        current.current = acquired;
        setMedia(acquired);
        return acquired;
      },
      (e: unknown) => {
        setError(e instanceof LocalMediaError ? e : new LocalMediaError('unknown'));
        return null;
      },
    );
    const result = await pending.current;
    pending.current = null;
    if (!unmounted.current) setAcquiring(false);
    return result;
  }, []);

  const acquire = useCallback(async () => {
    if (current.current) return current.current;
    if (pending.current) return pending.current;
    return request();
  }, [request]);

  const reacquire = useCallback(
    async (choice: DeviceChoice = {}) => {
      if (pending.current) await pending.current;
      const previous = current.current;
      current.current = null;
      stopStream(previous?.stream);
      const next = await request(choice);
      if (!next && !unmounted.current) setMedia(null);
      return next;
    },
    [request],
  );

  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
      stopStream(current.current?.stream);
      current.current = null;
    };
  }, []);

  return { media, error, acquiring, acquire, reacquire };
}
