// Wording of contests (self-service contest screen, attract leaderboard, counter tab); spread into zh-CN.ts.
export const contestsZhCN = {
  contests: {
    title: '社区评选',
    lead: '每天可以为喜欢的参赛者投 1 次票；在收银台消费时报上参赛码，还能再加票。',
    none: '现在没有进行中的评选活动。',
    votes: '{{count}} 票',
    vote: '投票',
    voted: '今天已投',
    votedFor: '谢谢！您今天投给了 {{name}}。',
    code: '参赛码 {{code}}',
    perPurchase: '消费时报参赛码 +{{count}} 票',
    endsAt: '投票截止 {{date}}',
    leaderboard: '评选排行榜',
    leaderboardTotal: '共 {{count}} 票',
    counter: {
      title: '评选活动',
      lead: '品牌总部设置评选规则；各门店的投票汇总后在这里显示。顾客结账时在优惠码栏输入参赛码即可为参赛者加票。',
      none: '还没有评选活动。品牌总部可用 hub 命令 create-contest 创建。',
      running: '进行中',
      ended: '未在投票期',
      rules: '每日投票 {{daily}} 票，消费 {{purchase}} 票',
      rulesNoPurchase: '每日投票 {{daily}} 票，消费不计票',
      chart: '{{title}} 的票数',
      entrants: '参赛者与参赛码',
    },
  },
  checkoutEntrant: {
    label: '为参赛者投票',
    votes: '+{{count}} 票',
  },
};
