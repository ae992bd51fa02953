// Wording of the catalogue screens in English; every key of catalogueZhCN must be here (checked by tsc).
import type { MessageShape } from './zh-CN';
import type { catalogueZhCN } from './catalogue-zh-CN';

export const catalogueEn: MessageShape<typeof catalogueZhCN> = {
  catalogue: {
    nav: 'Catalogue',
    title: 'Products and tiers',
  },
};
