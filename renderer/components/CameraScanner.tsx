import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraFrame, CameraResult } from '../scanner/camera-worker';

/**
 * Camera QR scanning for self-service terminals (no scanner needed): frames go to a worker running
 * zxing-wasm; a code read twice in a row is reported once, and the same code again only after a pause.
 */
export function CameraScanner({
  onCode,
  autoStart = false,
}: {
  onCode: (text: string, format: string | null) => void;
  /** Starts at once and has no start/stop button of its own (the self-service attract screen mounts it to start). */
  autoStart?: boolean;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(autoStart);
  const [failed, setFailed] = useState(false);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    let busy = false;
    let frame = 0;
    let last = { text: '', at: 0 };
    const worker = new Worker(new URL('../scanner/camera-worker.ts', import.meta.url), { type: 'module' });
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    worker.onmessage = (event: MessageEvent<CameraResult>) => {
      busy = false;
      const { text, format } = event.data;
      if (!text) return;
      const now = performance.now();
      if (text === last.text && now - last.at < 3000) return;
      last = { text, at: now };
      latest.current(text, format);
    };
    const grab = () => {
      const v = video.current;
      if (stopped || !v || !context) return;
      if (!busy && v.readyState >= 2 && v.videoWidth) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        busy = true;
        const message: CameraFrame = { id: ++frame, image: context.getImageData(0, 0, canvas.width, canvas.height) };
        worker.postMessage(message);
      }
      requestAnimationFrame(grab);
    };
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (!media) setFailed(true);
    else
      void media
        .getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 } }, audio: false })
        .then((s) => {
          if (stopped) return s.getTracks().forEach((track) => track.stop());
          stream = s;
          if (video.current) {
            video.current.srcObject = s;
            void video.current.play();
          }
          requestAnimationFrame(grab);
        })
        .catch(() => setFailed(true));
    return () => {
      stopped = true;
      worker.terminate();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on]);

  return (
    <div className="camera-scanner">
      {!autoStart && (
        <button
          type="button"
          className="button"
          data-testid="camera-toggle"
          onClick={() => {
            setFailed(false);
            setOn(!on);
          }}
        >
          {on ? t('devices.stopCamera') : t('devices.startCamera')}
        </button>
      )}
      {failed && <p className="field-error">{t('devices.cameraUnavailable')}</p>}
      {on && <video ref={video} className="camera-scanner__video" muted playsInline data-testid="camera-video" />}
    </div>
  );
}
