// Wording of referrals at the self-service terminal; spread into zh-CN.ts.
export const referralsZhCN = {
  referrals: {
    title: '邀请好友',
    lead: '好友入会时填写您的推荐码，首次消费后，您得 {{referrer}} 积分，好友得 {{friend}} 积分。',
    myCode: '我的推荐码',
    qr: '推荐码二维码',
    friends: '我邀请的好友',
    noFriends: '还没有好友用您的推荐码入会。',
    rewarded: '+{{points}} 积分',
    waiting: '等待首次消费',
    earned: '已获得 {{points}} 积分',
    referredBy: '推荐人：{{name}}',
    nameTitle: '是朋友推荐您来的吗？',
    nameLead: '首次消费前填写推荐人的推荐码，您和推荐人都能得到积分。',
    codeLabel: '推荐人的推荐码',
    submit: '确认',
    named: '已记下推荐人，首次消费后双方得积分。',
  },
};
