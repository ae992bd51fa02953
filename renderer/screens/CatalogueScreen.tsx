import { useTranslation } from 'react-i18next';

/** Products, prices and tiers a manager keeps at this terminal (filled in by the catalogue work). */
export function CatalogueScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen catalogue" aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">{t('catalogue.title')}</h1>
    </section>
  );
}
