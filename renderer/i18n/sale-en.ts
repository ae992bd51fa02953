// Wording of the sale screens in English; every key of saleZhCN must be here (checked by tsc).
import type { MessageShape } from './zh-CN';
import type { saleZhCN } from './sale-zh-CN';

export const saleEn: MessageShape<typeof saleZhCN> = {
  sale: {
    nav: 'Sale',
    title: 'Sale',
  },
};
