import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttractSlide } from '../../contract';
import { CameraScanner } from '../components/CameraScanner';
import { AttractLeaderboard } from './contests/AttractLeaderboard';
import { AttractEvents } from './events/AttractEvents';
import { SelfIcon } from './icons';
import { useSelfService } from './self-service-context';

const slideMs = 6000;

/** The loop a passer-by sees: the brand's slides, what is on in the community, and how to start. */
export function AttractScreen({ onScan }: { onScan: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const { api, navigate, showError } = useSelfService();
  const [slides, setSlides] = useState<AttractSlide[]>([]);
  const [index, setIndex] = useState(0);
  const [camera, setCamera] = useState(false);
  const en = i18n.language === 'en';

  useEffect(() => {
    let live = true;
    api
      .attractSlides()
      .then((s) => live && setSlides(s))
      .catch(showError);
    return () => {
      live = false;
    };
  }, [api, showError]);

  useEffect(() => {
    if (slides.length < 2) return;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % slides.length), slideMs);
    return () => window.clearInterval(timer);
  }, [slides.length]);

  const slide = slides[index % Math.max(slides.length, 1)];
  return (
    <div className="ss-attract" data-testid="ss-attract">
      <section className="ss-slide" data-testid="ss-slide" aria-live="polite" aria-roledescription="carousel">
        {/* Keyed by the slide: each new one fades in (no motion when the system asks for less). */}
        <div className="ss-slide__content" key={slide?.id ?? 'welcome'} data-testid="ss-slide-content">
          {slide?.imageUrl && <img className="ss-slide__image" src={slide.imageUrl} alt="" />}
          <h1 className="ss-slide__title">
            {slide ? (en ? slide.title.en : slide.title.zh) : t('selfService.attract.welcome')}
          </h1>
          <p className="ss-slide__body">
            {slide ? (en ? slide.body.en : slide.body.zh) : t('selfService.attract.welcomeBody')}
          </p>
        </div>
        {slides.length > 1 && (
          <div className="ss-slide__dots" aria-hidden="true">
            {slides.map((s, i) => (
              <span key={s.id} className={i === index ? 'ss-dot ss-dot--on' : 'ss-dot'} />
            ))}
          </div>
        )}
      </section>
      <div className="ss-attract__side">
        <AttractLeaderboard />
        <AttractEvents />
      </div>
      <section className="ss-start" data-testid="ss-start">
        <p className="ss-start__prompt">{t('selfService.attract.scan')}</p>
        <p className="muted ss-start__how">{t('selfService.attract.how')}</p>
        <div className="ss-start__actions">
          <button
            type="button"
            className="ss-button ss-button--icon"
            aria-pressed={camera}
            data-testid="ss-camera"
            onClick={() => setCamera((on) => !on)}
          >
            <SelfIcon name="camera" size={28} />
            {camera ? t('selfService.attract.cameraOff') : t('selfService.attract.camera')}
          </button>
          <button
            type="button"
            className="ss-button ss-button--primary"
            data-testid="ss-join"
            onClick={() => navigate({ name: 'enrol' })}
          >
            {t('selfService.attract.join')}
          </button>
          <button
            type="button"
            className="ss-button"
            data-testid="ss-events"
            onClick={() => navigate({ name: 'events' })}
          >
            {t('selfService.attract.events')}
          </button>
        </div>
        {camera && (
          <div className="ss-camera" data-testid="ss-camera-view">
            <p className="muted">{t('selfService.attract.cameraHint')}</p>
            <CameraScanner autoStart onCode={(text) => onScan(text)} />
          </div>
        )}
      </section>
    </div>
  );
}
