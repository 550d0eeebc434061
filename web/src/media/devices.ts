/** The cameras, microphones and speakers of this device, for the check's selectors. */
export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

export async function listDevices(): Promise<DeviceLists> {
  const devices = await navigator.mediaDevices?.enumerateDevices?.().catch(() => [] as MediaDeviceInfo[]) ?? [];
  // Labels (and real ids) are given only once a permission was granted; 'default'/'communications' are aliases.
  const real = (d: MediaDeviceInfo) => d.deviceId !== '' && d.deviceId !== 'communications';
  return {
    cameras: devices.filter((d) => d.kind === 'videoinput' && real(d)),
    microphones: devices.filter((d) => d.kind === 'audioinput' && real(d)),
    speakers: devices.filter((d) => d.kind === 'audiooutput' && real(d)),
  };
}
