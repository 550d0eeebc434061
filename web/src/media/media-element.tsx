import { useEffect, useRef, type VideoHTMLAttributes } from 'react';

type VideoProps = Omit<VideoHTMLAttributes<HTMLVideoElement>, 'ref'> & { stream: MediaStream | null; 'data-testid'?: string };

/** A <video> bound to a MediaStream (playsinline for iOS, autoplay, always muted: audio goes through RemoteAudio). */
export function StreamVideo({ stream, ...props }: VideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.muted = true; // set the property too: autoplay policies look at it
    if (video.srcObject !== stream) video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted {...props} />;
}

/**
 * Plays a remote stream's audio. Reports whether the browser blocked autoplay, so the page can show a
 * "tap to enable sound" button that calls `unlock()`.
 */
export function RemoteAudio({ stream, onBlockedChange }: { stream: MediaStream | null; onBlockedChange: (blocked: boolean, unlock: () => void) => void }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = stream;
    if (!stream || stream.getAudioTracks().length === 0) {
      onBlockedChange(false, () => undefined);
      return;
    }
    const unlock = () => {
      audio.play().then(
        () => onBlockedChange(false, unlock),
        () => onBlockedChange(true, unlock),
      );
    };
    unlock();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stream]);
  return <audio ref={ref} autoPlay />;
}
