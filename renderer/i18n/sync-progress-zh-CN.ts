// Wording of a catch-up from the hub (sync screen's progress bar, header badge); spread into zh-CN.ts.
export const syncProgressZhCN = {
  syncProgress: {
    title: '正在从品牌中心同步',
    detail: '已同步 {{applied}} 条，还剩约 {{remaining}} 条',
    done: '已从品牌中心同步 {{applied}} 条',
    badge: '同步中 {{percent}}%',
  },
};
