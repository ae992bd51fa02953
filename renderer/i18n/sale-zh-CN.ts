// Wording of the sale screens; spread into zh-CN.ts so every key is checked there.
export const saleZhCN = {
  sale: {
    nav: '销售',
    title: '销售',
  },
} as const;
